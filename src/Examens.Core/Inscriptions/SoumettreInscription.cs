using Examens.Core.Comptes;
using Examens.Core.Courriels;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Core.Telemetrie;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Examens.Core.Inscriptions;

/// <summary>
/// Submits the draft inside the window (P12, by the server's clock): a new numbered version (P22), the identity
/// locked, the e-mail "Modification d'inscription", and the receipt at once. Submitting the same content again gives
/// back the same version: a double click or a retry never makes a second one.
/// </summary>
public sealed partial class SoumettreInscription(
    ExamensDbContext db, VerifierBrouillon verificateur, IEnvoiCourriel courriels, TimeProvider horloge, ILogger<SoumettreInscription> journal,
    MesuresExamens mesures)
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

    private async Task<ResultatOperation<RecuSoumission>> TraiterAsync(string candidatId, Guid inscriptionId, string? adresse, CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuCandidatAsync(db, candidatId, inscriptionId, annulation).ConfigureAwait(false);
        var compte = await db.Users.FirstOrDefaultAsync(u => u.Id == candidatId, annulation).ConfigureAwait(false);
        if (inscription is null || compte is null)
        {
            return ResultatOperation.Echec<RecuSoumission>(new ErreurRegle("", "NOT_FOUND", "Inscription introuvable.", null));
        }

        // The instant is taken once, on the server, when the request is handled: a page opened before 17:00 and
        // posted after is late.
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
        SuiviPieces.Actualiser(inscription, compte, verificateur, maintenant);
        var (avant, apres) = ChampsInscription.Changements(champsAvant, ChampsInscription.Lister(ChampsInscription.Relire(version)!));
        TraceInscription.Ajouter(db, maintenant, candidatId, "inscription.soumise", TraceInscription.Cible(inscription.Id),
            $"{etatAvant}{(derniere is null ? "" : $", version {derniere.Numero}")}{(avant is null ? "" : $"\n{avant}")}",
            $"Soumise, version {version.Numero} (empreinte {version.Empreinte}){(apres is null ? "" : $"\n{apres}")}", null, adresse);
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request submitted at the same moment: the unique (registration, number) index let one through.
            db.ChangeTracker.Clear();
            var gagnante = await db.VersionsInscription.Where(v => v.InscriptionId == inscriptionId)
                .OrderByDescending(v => v.Numero).FirstAsync(annulation).ConfigureAwait(false);
            return gagnante.Empreinte == empreinte
                ? ResultatOperation.Succes(Recu(gagnante, true))
                : ResultatOperation.Echec<RecuSoumission>(EnregistrerBrouillon.ConflitDeRevision);
        }

        await PrevenirAsync(compte, inscription, version, annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(Recu(version, false));
    }

    private static RecuSoumission Recu(VersionInscription v, bool deja) => new(v.Numero, v.SoumiseLeUtc, v.Empreinte, v.CodeVerification, deja);

    private async Task PrevenirAsync(Compte compte, Inscription inscription, VersionInscription version, CancellationToken annulation)
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
        try
        {
            await courriels.EnvoyerAsync(new Courriel(compte.Email ?? "", $"Modification d'inscription – {academie.Session.Libelle} – version {version.Numero}", texte), annulation)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The version is saved and the receipt shown; a mail failure must not undo that.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The type and SMTP status only: a server's refusal text often quotes the recipient's address.
            var statut = e is SmtpCommandException smtp ? ((int)smtp.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
            JournalEchecCourriel(journal, inscription.Id, version.Numero, e.GetType().Name, statut);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Courriel de modification non envoyé pour l'inscription {InscriptionId}, version {Version} : {TypeErreur}, statut SMTP {StatutSmtp}")]
    private static partial void JournalEchecCourriel(ILogger journal, Guid inscriptionId, int version, string typeErreur, string statutSmtp);
}
