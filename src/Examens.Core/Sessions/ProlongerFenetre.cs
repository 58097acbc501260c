using System.Globalization;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Sessions;

/// <summary>
/// Moves an academy's closing (for example an extension after an incident): it takes effect on every node at once,
/// without a restart, since the window is read from the database for each request; the change is written in the trail
/// with its reason.
/// </summary>
public sealed class ProlongerFenetre(ExamensDbContext db, TimeProvider horloge)
{
    public async Task<ResultatOperation<AcademieSession>> ExecuterAsync(
        int annee, string codeAcademie, DateTime nouvelleFermetureLocale, string motif, string acteur, string? adresse, CancellationToken annulation)
    {
        if (string.IsNullOrWhiteSpace(motif))
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("P12", "REASON_REQUIRED", "Une modification de la clôture doit être motivée (elle figure au journal).", "motif"));
        }

        var academie = await db.AcademiesSessions.Include(a => a.Session)
            .Where(a => a.Session.Annee == annee && a.Code == codeAcademie && !a.Session.Demonstration)
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false)
            ?? await db.AcademiesSessions.Include(a => a.Session).Where(a => a.Session.Annee == annee && a.Code == codeAcademie)
                .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        if (academie is null)
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("R57", "UNKNOWN_ACADEMY", $"Aucune académie {codeAcademie} pour la session {annee}.", "academie"));
        }

        return await AppliquerAsync(academie, nouvelleFermetureLocale, motif, acteur, adresse, annulation).ConfigureAwait(false);
    }

    /// <summary>The same change for one academy of one session, as the back-office names it (by its id).</summary>
    public async Task<ResultatOperation<AcademieSession>> ExecuterAsync(
        int academieId, DateTime nouvelleFermetureLocale, string motif, string acteur, string? adresse, CancellationToken annulation)
    {
        if (string.IsNullOrWhiteSpace(motif))
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("P12", "REASON_REQUIRED", "Une modification de la clôture doit être motivée (elle figure au journal).", "motif"));
        }

        var academie = await db.AcademiesSessions.Include(a => a.Session).FirstOrDefaultAsync(a => a.Id == academieId, annulation).ConfigureAwait(false);
        if (academie is null)
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("R57", "UNKNOWN_ACADEMY", "Académie introuvable.", "academie"));
        }

        if (academie.FuseauHoraire.IsInvalidTime(DateTime.SpecifyKind(nouvelleFermetureLocale, DateTimeKind.Unspecified)))
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("P12", "LOCAL_TIME_MISSING",
                $"Cette heure n'existe pas dans le fuseau {academie.Fuseau} (passage à l'heure d'été) : choisissez une autre heure.", "fermeture"));
        }

        return await AppliquerAsync(academie, nouvelleFermetureLocale, motif, acteur, adresse, annulation).ConfigureAwait(false);
    }

    private async Task<ResultatOperation<AcademieSession>> AppliquerAsync(
        AcademieSession academie, DateTime nouvelleFermetureLocale, string motif, string acteur, string? adresse, CancellationToken annulation)
    {
        if (nouvelleFermetureLocale <= academie.OuvertureLocale)
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("P12", "WINDOW_INVALID", "La clôture doit être postérieure à l'ouverture.", "fermeture"));
        }

        // A closing put in the past would close the window backwards: registrations submitted since would read as late.
        var nouvelleFermetureUtc = Domain.Regles.HeureLocale.VersInstant(nouvelleFermetureLocale, academie.FuseauHoraire).UtcDateTime;
        if (nouvelleFermetureUtc < horloge.GetUtcNow().UtcDateTime)
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("P12", "CLOSING_IN_PAST",
                $"La nouvelle clôture ({Francais.DateHeure(nouvelleFermetureLocale)}) est déjà passée : une clôture ne se déplace que vers maintenant ou plus tard.", "fermeture"));
        }

        if (nouvelleFermetureLocale == academie.FermetureLocale)
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("P12", "CLOSING_UNCHANGED",
                $"La clôture est déjà le {Francais.DateHeure(nouvelleFermetureLocale)} : rien n'est modifié.", "fermeture"));
        }

        // P13: the documents deadline is never before the closing.
        if (academie.DateLimitePiecesLocale is { } limite && limite < nouvelleFermetureLocale)
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("P13", "DOCUMENTS_DEADLINE_BEFORE_CLOSING",
                $"La date limite des pièces ({Francais.DateHeure(limite)}) précéderait la nouvelle clôture : reportez-la d'abord dans les réglages de l'académie.", "fermeture"));
        }

        var avant = academie.FermetureLocale;
        academie.DefinirFenetre(academie.OuvertureLocale, nouvelleFermetureLocale, academie.Fuseau);
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = acteur,
            Action = "fenetre.cloture.modifiee",
            Cible = $"academie:{academie.Id}",
            Avant = avant.ToString("s", CultureInfo.InvariantCulture),
            Apres = nouvelleFermetureLocale.ToString("s", CultureInfo.InvariantCulture),
            Motif = motif.Trim(),
            Adresse = adresse,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(academie);
    }
}
