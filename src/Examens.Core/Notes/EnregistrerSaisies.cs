using Examens.Core.Convocations;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Domain.Common;
using Examens.Domain.Deliberations;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Notes;

/// <summary>One grade to key: for whom, which unit, what; <paramref name="Reference"/> prefixes its errors ("Ligne 4").</summary>
public sealed record SaisieDemandee(string Reference, Guid InscriptionId, string Unite, ValeurSaisie Valeur);

/// <summary>
/// Records a batch of keyings of one number (saisie 1 or saisie 2), all or nothing, and validates into
/// <see cref="NoteUnite"/> every grade whose two keyings now match. Rules (issue 6, documented in docs/resultats.md):
/// grades are keyed once the session's convocations are published (the units are then fixed); only a unit the
/// candidate sits this session; the two keyings of a grade by two different people; a keying may be corrected by its
/// author until the grade is validated; a validated grade changes only by a settlement (<see cref="TrancherEcart"/>).
/// </summary>
public sealed class EnregistrerSaisies(ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge)
{
    public sealed record Bilan(int Enregistrees, int Inchangees, int Validees, int Ecarts);

    public async Task<ResultatOperation<Bilan>> ExecuterAsync(
        string acteur, bool administrateur, int numero, OrigineSaisie origine, IReadOnlyList<SaisieDemandee> saisies,
        string? adresseIp, IProgress<int>? progression, CancellationToken annulation, bool verifierSeulement = false)
    {
        ArgumentNullException.ThrowIfNull(saisies);
        if (numero is not (1 or 2))
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("P7", "KEYING_NUMBER", "Le numéro de saisie est 1 ou 2.", "saisie"));
        }

        var ids = saisies.Select(s => s.InscriptionId).Distinct().ToList();
        var inscriptions = new Dictionary<Guid, Inscription>();
        foreach (var lot in ids.Chunk(500))
        {
            var lues = await ChargerInscription.DuPerimetre(db, acteur, administrateur).AsNoTracking()
                .Where(i => lot.Contains(i.Id) && i.Etat == EtatInscription.Soumise)
                .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
                .ToListAsync(annulation).ConfigureAwait(false);
            await VersionsCourantes.JoindreAsync(db, lues, annulation).ConfigureAwait(false);
            foreach (var i in lues)
            {
                inscriptions[i.Id] = i;
            }
        }

        var existantes = new List<SaisieNote>();
        var validees = new List<NoteUnite>();
        foreach (var lot in ids.Chunk(500))
        {
            existantes.AddRange(await db.SaisiesNotes.Where(s => lot.Contains(s.InscriptionId)).ToListAsync(annulation).ConfigureAwait(false));
            validees.AddRange(await db.NotesUnites.AsNoTracking().Where(n => lot.Contains(n.InscriptionId)).ToListAsync(annulation).ConfigureAwait(false));
        }

        var parCle = existantes.ToLookup(s => (s.InscriptionId, s.Unite));
        var valideesParCle = validees.ToDictionary(n => (n.InscriptionId, n.Unite));
        var plans = new Dictionary<Guid, PlanSession?>();
        var vues = new Dictionary<(Guid, string), string>();
        var erreurs = new List<ErreurRegle>();
        var aEcrire = new List<(SaisieDemandee Demande, SaisieNote? Existante, bool Facultative, DateOnly Deliberation)>();
        var inchangees = 0;
        var faites = 0;
        foreach (var s in saisies)
        {
            progression?.Report(++faites);
            if (!inscriptions.TryGetValue(s.InscriptionId, out var inscription))
            {
                erreurs.Add(Erreur(s, "NOT_FOUND", "candidat introuvable (ou hors de votre périmètre)."));
                continue;
            }

            if (!inscription.AcademieSession.Session.ConvocationsPubliees)
            {
                erreurs.Add(Erreur(s, "NOT_CONVOKED", $"les convocations de la session du candidat {inscription.Numero} ne sont pas publiées : pas de note avant."));
                continue;
            }

            if (!plans.TryGetValue(inscription.Id, out var plan))
            {
                plan = PlanSession.Etablir(inscription, verificateur);
                plans[inscription.Id] = plan;
            }

            var unite = plan?.AuProgramme.FirstOrDefault(u => string.Equals(u.Code, s.Unite, StringComparison.OrdinalIgnoreCase));
            if (unite is null)
            {
                erreurs.Add(Erreur(s, "UNIT_NOT_SAT", $"le candidat {inscription.Numero} ne présente pas l'unité « {s.Unite} » à cette session."));
                continue;
            }

            var cle = (inscription.Id, unite.Code);
            if (vues.TryGetValue(cle, out var premiere))
            {
                erreurs.Add(Erreur(s, "DUPLICATE", $"le candidat {inscription.Numero} et l'unité {unite.Code} figurent déjà ({premiere})."));
                continue;
            }

            vues[cle] = s.Reference;
            var miennes = parCle[cle].ToList();
            var meme = miennes.FirstOrDefault(x => x.Numero == numero);
            var autre = miennes.FirstOrDefault(x => x.Numero == 3 - numero);
            var nouvelle = new SaisieNote { Nature = s.Valeur.Nature, Note = s.Valeur.Note };
            if (valideesParCle.TryGetValue(cle, out var validee))
            {
                if (meme is not null && meme.Concorde(nouvelle))
                {
                    inchangees++;
                }
                else
                {
                    erreurs.Add(Erreur(s, "ALREADY_VALIDATED", $"la note de {unite.Code} du candidat {inscription.Numero} est déjà validée ({Texte(validee)}) : seul un arbitrage la change."));
                }

                continue;
            }

            if (autre is not null && autre.Acteur == acteur)
            {
                erreurs.Add(Erreur(s, "SAME_PERSON", $"vous avez fait la saisie {autre.Numero} de {unite.Code} pour le candidat {inscription.Numero} : la saisie {numero} doit être faite par une autre personne."));
                continue;
            }

            if (meme is not null && meme.Acteur != acteur)
            {
                if (meme.Concorde(nouvelle))
                {
                    inchangees++;
                }
                else
                {
                    erreurs.Add(Erreur(s, "KEYED_BY_OTHER", $"la saisie {numero} de {unite.Code} pour le candidat {inscription.Numero} a déjà été faite par une autre personne."));
                }

                continue;
            }

            if (meme is not null && meme.Concorde(nouvelle))
            {
                inchangees++;
                continue;
            }

            aEcrire.Add((s, meme, unite.Facultative, inscription.AcademieSession.Session.DateDeliberation));
        }

        if (erreurs.Count > 0 || verifierSeulement)
        {
            return erreurs.Count > 0 ? ResultatOperation.Echec<Bilan>(erreurs) : ResultatOperation.Succes(new Bilan(0, inchangees, 0, 0));
        }

        var instant = horloge.GetUtcNow().UtcDateTime;
        int nouvellesValidees = 0, ecarts = 0;
        foreach (var (demande, existante, facultative, deliberation) in aEcrire)
        {
            var saisie = existante ?? new SaisieNote { InscriptionId = demande.InscriptionId, Unite = plans[demande.InscriptionId]!.AuProgramme.First(u => string.Equals(u.Code, demande.Unite, StringComparison.OrdinalIgnoreCase)).Code, Numero = numero };
            saisie.Nature = demande.Valeur.Nature;
            saisie.Note = demande.Valeur.Note;
            saisie.Acteur = acteur;
            saisie.Origine = origine;
            saisie.SaisieLeUtc = instant;
            if (existante is null)
            {
                db.SaisiesNotes.Add(saisie);
            }

            var autre = parCle[(demande.InscriptionId, saisie.Unite)].FirstOrDefault(x => x.Numero == 3 - numero);
            if (autre is null)
            {
                continue;
            }

            if (autre.Concorde(saisie))
            {
                db.NotesUnites.Add(Valider(saisie, facultative, deliberation));
                nouvellesValidees++;
            }
            else
            {
                ecarts++;
            }
        }

        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = instant,
            Acteur = acteur,
            Action = $"notes.saisie{numero}",
            Cible = saisies.Count > 0 && inscriptions.Count > 0 ? $"session:{inscriptions.Values.First().AcademieSession.SessionId}" : "notes",
            Apres = $"{aEcrire.Count} saisie(s) ({Origine(origine)}), {inchangees} inchangée(s), {nouvellesValidees} note(s) validée(s), {ecarts} écart(s)",
            Adresse = adresseIp,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(new Bilan(aEcrire.Count, inchangees, nouvellesValidees, ecarts));
    }

    /// <summary>A grade sat this session is dated by the session's deliberation: the start of its five-year validity (P1).</summary>
    public static NoteUnite Valider(SaisieNote saisie, bool facultative, DateOnly deliberation)
    {
        ArgumentNullException.ThrowIfNull(saisie);
        return new NoteUnite
        {
            InscriptionId = saisie.InscriptionId,
            Unite = saisie.Unite,
            Facultative = facultative,
            Nature = saisie.Nature,
            Note = saisie.Nature == NatureResultat.Note ? saisie.Note : null,
            ObtenueLe = saisie.Nature == NatureResultat.Note ? deliberation : null,
        };
    }

    public static string Texte(NoteUnite n) => new ValeurSaisie(n.Nature, n.Note).Texte;

    private static string Origine(OrigineSaisie o) => o switch
    {
        OrigineSaisie.Import => "import",
        OrigineSaisie.Manuelle => "saisie manuelle",
        OrigineSaisie.Arbitrage => "arbitrage",
    };

    private static ErreurRegle Erreur(SaisieDemandee s, string code, string message) => new("P7", code, $"{s.Reference} : {message}", s.Reference);
}
