using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Inscriptions;

/// <summary>
/// Saves the draft when the candidate leaves a step. The revision the page was built from must still be the current
/// one: a second tab saving from an older state is refused, and neither save is lost (the first stays, the second
/// is shown back to its author).
/// </summary>
public sealed class EnregistrerBrouillon(ExamensDbContext db, TimeProvider horloge, VerifierBrouillon? verificateur = null)
{
    public async Task<ResultatOperation<int>> ExecuterAsync(
        string candidatId, Guid inscriptionId, int revisionAttendue, Func<DonneesInscription, DonneesInscription> modifier, CancellationToken annulation, string? adresse = null)
    {
        ArgumentNullException.ThrowIfNull(modifier);
        var inscription = await db.Inscriptions.Include(i => i.AcademieSession).ThenInclude(a => a.Session).Include(i => i.Pieces)
            .FirstOrDefaultAsync(i => i.Id == inscriptionId && i.CandidatId == candidatId, annulation).ConfigureAwait(false);
        if (inscription is null)
        {
            return ResultatOperation.Echec<int>(new ErreurRegle("", "NOT_FOUND", "Inscription introuvable.", null));
        }

        var maintenant = horloge.GetUtcNow();
        var refus = ModificationInscription.Verifier(Acteur.Candidat, maintenant, inscription.AcademieSession.Fenetre,
            inscription.AcademieSession.Session.ConvocationsPubliees, null);
        if (refus is not null)
        {
            return ResultatOperation.Echec<int>(refus);
        }

        if (inscription.Revision != revisionAttendue)
        {
            return ResultatOperation.Echec<int>(ConflitDeRevision);
        }

        var avant = SerialisationInscription.LireBrouillon(inscription.Brouillon);
        var apres = modifier(avant);
        inscription.Brouillon = SerialisationInscription.Ecrire(apres);
        var (champsAvant, champsApres) = ChampsInscription.Changements(ChampsInscription.Lister(avant), ChampsInscription.Lister(apres));
        if (champsAvant is not null)
        {
            // Only a save that changes something is worth an entry: leaving a step unchanged is not a change.
            TraceInscription.Ajouter(db, maintenant, candidatId, "brouillon.enregistre", TraceInscription.Cible(inscription.Id), champsAvant, champsApres, null, adresse);
        }

        if (verificateur is not null && await db.Users.FirstOrDefaultAsync(u => u.Id == candidatId, annulation).ConfigureAwait(false) is { } compte)
        {
            // The checklist follows the draft (a new speciality may ask for other documents).
            SuiviPieces.Actualiser(inscription, compte, verificateur, maintenant);
        }

        // The home page says "changes not submitted yet" from this column, without reading the versions.
        var derniere = inscription.DerniereVersion == 0 ? null : await db.VersionsInscription.AsNoTracking()
            .FirstOrDefaultAsync(v => v.InscriptionId == inscription.Id && v.Numero == inscription.DerniereVersion, annulation).ConfigureAwait(false);
        inscription.BrouillonModifie = EtatDossier.DiffereDe(apres, derniere);
        inscription.ModifieeLeUtc = maintenant.UtcDateTime;
        inscription.Revision++;
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ResultatOperation.Echec<int>(ConflitDeRevision);
        }

        return ResultatOperation.Succes(inscription.Revision);
    }

    public static readonly ErreurRegle ConflitDeRevision = new("P22", "EDITED_ELSEWHERE",
        "Votre inscription a été modifiée entre-temps (dans un autre onglet ou sur un autre appareil). Vos saisies de cette page n'ont pas été enregistrées : elles sont affichées ci-dessous ; rechargez la page pour voir la version enregistrée, puis saisissez-les à nouveau.",
        null);
}
