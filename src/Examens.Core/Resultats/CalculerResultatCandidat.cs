using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Catalogue;
using Examens.Domain.Common;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Resultats;

/// <summary>
/// One candidate's deliberation from the stored grades, line by line, exactly as <see cref="DelibererSession"/>
/// computes it (same engine, same coefficients). With <c>essai</c> it answers "what if this grade were…" for the jury:
/// the computation runs on the changed grades and nothing is written.
/// </summary>
public sealed class CalculerResultatCandidat(ExamensDbContext db, CatalogueBts catalogue)
{
    /// <param name="inscription">Loaded by the caller through its scope, with its academy and session.</param>
    /// <param name="essai">Grades to try instead of the stored ones, by unit; null for the real computation.</param>
    public Task<DetailResultat?> ExecuterAsync(Inscription inscription, IReadOnlyDictionary<string, ResultatUnite>? essai, CancellationToken annulation) =>
        ExecuterAsync(inscription, essai, null, annulation);

    /// <param name="jury">The jury decision about to be saved, instead of the stored one.</param>
    public async Task<DetailResultat?> ExecuterAsync(Inscription inscription, IReadOnlyDictionary<string, ResultatUnite>? essai, DecisionJury? jury, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        var session = inscription.AcademieSession.Session;
        var specialite = inscription.Specialite is { } code ? catalogue.Trouver(code, session.Annee).Specialite : null;
        if (specialite is null || inscription.Etat != EtatInscription.Soumise)
        {
            return null;
        }

        var notes = await db.NotesUnites.AsNoTracking().Where(n => n.InscriptionId == inscription.Id)
            .ToDictionaryAsync(n => n.Unite, StringComparer.OrdinalIgnoreCase, annulation).ConfigureAwait(false);
        var parametres = new ParametresDeliberation(await db.AcademiesSessions.Where(a => a.SessionId == session.Id)
            .AnyAsync(a => a.AbsenceFacultativeEliminatoire, annulation).ConfigureAwait(false));
        var sessions = await db.Sessions.AsNoTracking().Where(s => !s.Demonstration)
            .Select(s => new { s.Libelle, s.DateDeliberation }).ToListAsync(annulation).ConfigureAwait(false);
        jury ??= await db.DecisionsJury.AsNoTracking().FirstOrDefaultAsync(d => d.InscriptionId == inscription.Id, annulation).ConfigureAwait(false);

        var unitesObligatoires = specialite.UnitesObligatoires(inscription.Option).ToList();
        var unitesFacultatives = specialite.Unites.Where(u => u.EstUnite && u.Facultative && notes.ContainsKey(u.Id)).ToList();
        ResultatUnite Resultat(Unite u) =>
            essai is not null && essai.TryGetValue(u.Id, out var r) ? r
            : notes.TryGetValue(u.Id, out var n) ? n.EnResultat()
            : ResultatUnite.EnAttente(); // not keyed yet: pending, as the session's deliberation reads it
        UniteNotee Notee(Unite u) => new(u.Id, u.Coefficient ?? 0m, u.Professionnelle == true, Resultat(u));
        var obligatoires = unitesObligatoires.Select(Notee).ToArray();
        var facultatives = unitesFacultatives.Select(Notee).ToArray();
        var sortie = new UniteDeliberee[obligatoires.Length + facultatives.Length];
        var forme = inscription.Forme ?? FormePassage.Globale;
        var calcule = Deliberation.Deliberer(forme, session.DateDeliberation, obligatoires, facultatives, sortie, parametres);
        var final = jury is null ? calcule : DecisionDuJury.Appliquer(calcule, jury.PointsJury, jury.DecisionImposee);

        var lignes = new List<LigneResultat>(sortie.Length);
        var toutes = unitesObligatoires.Concat(unitesFacultatives).ToList();
        for (var i = 0; i < toutes.Count; i++)
        {
            var u = toutes[i];
            var d = sortie[i];
            var entree = i < obligatoires.Length ? obligatoires[i] : facultatives[i - obligatoires.Length];
            var conservee = entree.Resultat.Nature is NatureResultat.Benefice or NatureResultat.Report;
            var obtention = conservee ? entree.Resultat.Obtention : (DateOnly?)null;
            decimal? points = !d.Comptee ? null
                : u.Facultative ? (d.Note!.Value - NoteSur20.Moyenne) * entree.Coefficient
                : d.Note.GetValueOrDefault() * entree.Coefficient;
            lignes.Add(new LigneResultat(u.Id, u.Nom, u.Facultative, u.Professionnelle == true, d.Statut, d.Note, entree.Coefficient, points,
                d.Comptee, d.Acquise, obtention,
                obtention is { } o ? sessions.FirstOrDefault(s => s.DateDeliberation == o)?.Libelle ?? $"session {o.Year}" : null,
                d.ValableJusquau, essai?.ContainsKey(u.Id) == true));
        }

        return new DetailResultat
        {
            InscriptionId = inscription.Id,
            Numero = inscription.Numero,
            CandidatId = inscription.CandidatId,
            SessionId = session.Id,
            Session = session.Libelle,
            Academie = inscription.AcademieSession.Nom,
            DateDeliberation = session.DateDeliberation,
            Specialite = $"{specialite.Code} – {specialite.Nom}",
            Option = inscription.Option is { } op ? $"{op} – {specialite.TrouverOption(op)?.Nom ?? op}" : null,
            Forme = forme,
            Lignes = lignes,
            Calcule = calcule,
            Final = final,
            Jury = jury,
            Regles = Expliquer(lignes, calcule, final, jury),
        };
    }

    public static string Moyenne(decimal? moyenne) => moyenne is { } m ? decimal.Round(m, 2, MidpointRounding.ToZero).ToString("0.00", Francais.Culture) : "—";

    public static string Libelle(Decision decision) => decision switch
    {
        Decision.Admis => "Admis",
        Decision.Ajourne => "Ajourné",
        Decision.Elimine => "Éliminé",
        Decision.Incomplet => "Incomplet (unités encore à passer)",
        _ => decision.ToString(),
    };

    /// <summary>The rule behind each part of the outcome, in the jury's words, citing R/P ids.</summary>
    private static List<string> Expliquer(List<LigneResultat> lignes, ResultatDeliberation calcule, ResultatDeliberation final, DecisionJury? jury)
    {
        var regles = new List<string>();
        var dispenses = lignes.Where(l => l.Statut == StatutUnite.Dispense).Select(l => l.Unite).ToList();
        if (dispenses.Count > 0)
        {
            regles.Add($"P4, R29 : {string.Join(", ", dispenses)} dispensé(es), hors des points et de la somme des coefficients.");
        }

        var justifiees = lignes.Where(l => l.Statut == StatutUnite.AbsentJustifie && !l.Facultative).Select(l => l.Unite).ToList();
        if (justifiees.Count > 0)
        {
            regles.Add($"R39, P8 : absence justifiée (force majeure) à {string.Join(", ", justifiees)} : 0/20, comptée normalement.");
        }

        if (calcule.BonusFacultatif > 0m)
        {
            regles.Add($"R31, P5 : unités facultatives, seuls les points au-dessus de 10 comptent : +{Francais.Nombre(calcule.BonusFacultatif)} point(s).");
        }

        switch (calcule.Decision)
        {
            case Decision.Elimine:
                var absents = lignes.Where(l => l.Statut == StatutUnite.AbsentNonJustifie).Select(l => l.Unite);
                regles.Add($"R38, P8 : absence non justifiée à {string.Join(", ", absents)} : éliminatoire, le diplôme ne peut être délivré.");
                break;
            case Decision.Incomplet:
                var attente = lignes.Where(l => l.Statut == StatutUnite.EnAttente && !l.Facultative).Select(l => l.Unite);
                regles.Add($"R13 : unités encore à passer ou sans note validée ({string.Join(", ", attente)}) : pas de décision tant qu'elles ne sont pas notées.");
                break;
            case Decision.Admis:
                regles.Add($"R37, P7 : moyenne {Moyenne(calcule.Moyenne)} (valeur exacte, non arrondie) égale ou supérieure à 10 : admis.");
                break;
            case Decision.Ajourne:
                regles.Add($"R37, P7 : moyenne {Moyenne(calcule.Moyenne)} (valeur exacte, non arrondie) inférieure à 10 : ajourné.");
                break;
        }

        if (calcule.EpreuvesDeControle)
        {
            regles.Add($"P9, R43 : moyenne entre 8 et 10 et moyenne des épreuves professionnelles de {Moyenne(calcule.MoyenneProfessionnelle)} : peut présenter les épreuves de contrôle.");
        }

        if (jury is not null && final != calcule)
        {
            var points = jury.PointsJury > 0m ? $"points de jury +{Francais.Nombre(jury.PointsJury)}, " : "";
            regles.Add($"Décision du jury ({points}motif : {jury.Motif}) : {Libelle(final.Decision)}, moyenne {Moyenne(final.Moyenne)}.");
        }
        else if (jury is not null)
        {
            regles.Add($"Décision du jury enregistrée (motif : {jury.Motif}) sans effet : R38, R13, un candidat éliminé ou incomplet garde cette décision.");
        }

        if (final.Decision is Decision.Ajourne or Decision.Incomplet)
        {
            regles.Add("R15, R16, R22 : les notes égales ou supérieures à 10 peuvent être conservées cinq ans (P1) ; en forme progressive, les notes inférieures à 10 peuvent être reportées.");
        }

        return regles;
    }
}
