using Examens.Core.Comptes;
using Examens.Core.Courriels;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Core.Telemetrie;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Inscriptions;

/// <summary>
/// Submits the draft inside the window (P12, by the server's clock): a new numbered version (P22), the identity
/// locked, the e-mail "Modification d'inscription", and the receipt at once. Submitting the same content again gives
/// back the same version: a double click or a retry never makes a second one.
/// <para>
/// The hot path of the last-minute rush, kept lean: one query for the registration with what the checks need (its
/// academy and session, its account, its latest version only, its current documents), the engine asked once,
/// and one save — the version, the registration (its revision is the concurrency token), the trail entry and the
/// e-mail, written to the outbox in the same transaction and sent by the background pass (never lost with the version,
/// never sent without it).
/// </para>
/// </summary>
public sealed class SoumettreInscription(
    ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge, MesuresExamens mesures, ReveilCourriels? reveil = null)
{
    public async Task<ResultatOperation<RecuSoumission>> ExecuterAsync(string candidatId, Guid inscriptionId, CancellationToken annulation, string? adresse = null)
    {
        var debut = horloge.GetTimestamp();
        var resultat = await TraiterAsync(candidatId, inscriptionId, adresse, annulation).ConfigureAwait(false);
        mesures.Soumission(
            !resultat.Reussi ? ResultatSoumission.Refusee : resultat.Valeur!.DejaSoumise ? ResultatSoumission.DejaSoumise : ResultatSoumission.NouvelleVersion,
            horloge.GetElapsedTime(debut));
        return resultat;
    }

    // The rush's hottest query. The latest version is filtered on the registration inside the include: without it the
    // database numbers every version of every registration (a window over the whole table) to keep one, a cost that
    // grows with the session.
    private static readonly RequeteCompilee<Func<ExamensDbContext, Guid, string, CancellationToken, Task<Inscription?>>> AvecCeQueVerifier = new(() => EF.CompileAsyncQuery(
        (ExamensDbContext db, Guid inscriptionId, string candidatId, CancellationToken annulation) => db.Inscriptions
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .Include(i => i.Candidat)
            .Include(i => i.Versions.Where(v => v.InscriptionId == inscriptionId).OrderByDescending(v => v.Numero).Take(1))
            .Include(i => i.Pieces.Where(p => p.Courante))
            .AsSingleQuery()
            .FirstOrDefault(i => i.Id == inscriptionId && i.CandidatId == candidatId)));

    public static readonly ErreurRegle Introuvable = new("", "NOT_FOUND", "Inscription introuvable.", null);

    private async Task<ResultatOperation<RecuSoumission>> TraiterAsync(string candidatId, Guid inscriptionId, string? adresse, CancellationToken annulation)
    {
        var inscription = await AvecCeQueVerifier.Pour(db)(db, inscriptionId, candidatId, annulation).ConfigureAwait(false);
        if (inscription is null)
        {
            return ResultatOperation.Echec<RecuSoumission>(Introuvable);
        }

        var compte = inscription.Candidat;

        // P12: the instant is taken once, on the server, when the request is handled: a page opened before 17:00 and
        // posted after is late, to the second.
        var maintenant = horloge.GetUtcNow();
        var academie = inscription.AcademieSession;
        var refus = ModificationInscription.Verifier(Acteur.Candidat, maintenant, academie.Fenetre, academie.Session.ConvocationsPubliees, null);
        if (refus is not null)
        {
            return ResultatOperation.Echec<RecuSoumission>(refus);
        }

        var donnees = SerialisationInscription.LireBrouillon(inscription.Brouillon);
        var verification = verificateur.Verifier(compte, academie, donnees, maintenant);
        if (!verification.EstValide)
        {
            return ResultatOperation.Echec<RecuSoumission>(verification.Erreurs);
        }

        var contenu = SerialisationInscription.Ecrire(new ContenuVersion(inscription.Numero, academie.Session.Annee, academie.Code,
            compte.Nom, compte.Prenoms, compte.DateNaissance, compte.LieuNaissance, compte.Email ?? "", donnees));
        var empreinte = SerialisationInscription.Empreinte(contenu);
        var derniere = inscription.Versions.OrderByDescending(v => v.Numero).FirstOrDefault();
        if (derniere is not null && derniere.Empreinte == empreinte && inscription.Etat == EtatInscription.Soumise)
        {
            return ResultatOperation.Succes(Recu(derniere, true));
        }

        var etatAvant = inscription.Etat;
        var champsAvant = derniere is null ? [] : ChampsInscription.Relire(derniere) is { } c ? ChampsInscription.Lister(c) : [];
        var version = inscription.AjouterVersion(maintenant.UtcDateTime, contenu, empreinte,
            SerialisationInscription.CodeVerification(inscription.Numero, inscription.DerniereVersion + 1, empreinte), donnees);
        inscription.Revision++;
        compte.VerrouillerIdentite();
        SuiviPieces.Actualiser(inscription, EtatDossier.Construire(inscription, donnees, verification, maintenant));
        var (avant, apres) = ChampsInscription.Changements(champsAvant, ChampsInscription.Lister(ChampsInscription.Relire(version)!));
        TraceInscription.Ajouter(db, maintenant, candidatId, "inscription.soumise", TraceInscription.Cible(inscription.Id),
            $"{etatAvant}{(derniere is null ? "" : $", version {derniere.Numero}")}{(avant is null ? "" : $"\n{avant}")}",
            $"Soumise, version {version.Numero} (empreinte {version.Empreinte}){(apres is null ? "" : $"\n{apres}")}", null, adresse);
        if (!string.IsNullOrWhiteSpace(compte.Email))
        {
            db.CourrielsEnAttente.Add(Courriel(compte, inscription, version, maintenant.UtcDateTime));
        }

        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request submitted at the same moment: the unique (registration, number) index, or the revision,
            // let one through.
            db.ChangeTracker.Clear();
            var gagnante = await db.VersionsInscription.Where(v => v.InscriptionId == inscriptionId)
                .OrderByDescending(v => v.Numero).FirstAsync(annulation).ConfigureAwait(false);
            return gagnante.Empreinte == empreinte
                ? ResultatOperation.Succes(Recu(gagnante, true))
                : ResultatOperation.Echec<RecuSoumission>(EnregistrerBrouillon.ConflitDeRevision);
        }

        reveil?.Reveiller();
        return ResultatOperation.Succes(Recu(version, false));
    }

    private static RecuSoumission Recu(VersionInscription v, bool deja) => new(v.Numero, v.SoumiseLeUtc, v.Empreinte, v.CodeVerification, deja);

    private static CourrielEnAttente Courriel(Compte compte, Inscription inscription, VersionInscription version, DateTime maintenantUtc)
    {
        var academie = inscription.AcademieSession;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(version.SoumiseLeUtc, DateTimeKind.Utc), academie.FuseauHoraire);
        var texte = $"""
            Bonjour {compte.NomComplet},

            Votre inscription n° {inscription.Numero} au {academie.Session.Libelle} ({academie.Nom}) a été enregistrée.

            Version : {version.Numero}
            Date et heure : {Francais.DateHeure(local)} (heure de {academie.Fuseau})
            Empreinte de ce qui a été soumis : {version.Empreinte}
            Code de vérification : {version.CodeVerification}

            Vous pouvez modifier votre inscription jusqu'à la clôture, le {Francais.DateHeure(academie.FermetureLocale)} précises ;
            chaque modification crée une nouvelle version et vous recevez ce message à nouveau.

            Si vous n'êtes pas à l'origine de cette modification, prévenez sans attendre le service des examens.
            """;
        return new CourrielEnAttente
        {
            Destinataire = compte.Email ?? "",
            Objet = $"Modification d'inscription – {academie.Session.Libelle} – version {version.Numero}",
            Texte = texte,
            CreeLeUtc = maintenantUtc,
            ProchainEssaiUtc = maintenantUtc,
        };
    }
}
