using System.Security.Cryptography;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Inscriptions;

/// <summary>Opens the candidate's draft for an academy's session, or returns the one already there.</summary>
public sealed class CommencerInscription(ExamensDbContext db, TimeProvider horloge, VerifierBrouillon verificateur)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<ResultatOperation<Guid>> ExecuterAsync(string candidatId, int academieSessionId, CancellationToken annulation, string? adresse = null)
    {
        var existante = await db.Inscriptions
            .Where(i => i.CandidatId == candidatId && i.AcademieSessionId == academieSessionId)
            .Select(i => (Guid?)i.Id)
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        if (existante is { } id)
        {
            return ResultatOperation.Succes(id);
        }

        var academie = await db.AcademiesSessions.Include(a => a.Session)
            .FirstOrDefaultAsync(a => a.Id == academieSessionId, annulation).ConfigureAwait(false);
        if (academie is null)
        {
            return ResultatOperation.Echec<Guid>(new ErreurRegle("R57", "UNKNOWN_ACADEMY", "Cette académie ou cette session n'existe pas.", null));
        }

        var maintenant = horloge.GetUtcNow();
        var erreur = ModificationInscription.Verifier(Acteur.Candidat, maintenant, academie.Fenetre, academie.Session.ConvocationsPubliees, null);
        if (erreur is not null)
        {
            return ResultatOperation.Echec<Guid>(erreur);
        }

        var inscription = new Inscription
        {
            Id = Guid.NewGuid(),
            Numero = $"BTS{academie.Session.Annee}-{academie.Code}-{RandomNumberGenerator.GetString(Alphabet, 8)}",
            CandidatId = candidatId,
            AcademieSessionId = academie.Id,
            Brouillon = SerialisationInscription.Ecrire(new DonneesInscription()),
            CreeeLeUtc = maintenant.UtcDateTime,
            ModifieeLeUtc = maintenant.UtcDateTime,
        };
        inscription.AcademieSession = academie;
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == candidatId, annulation).ConfigureAwait(false) is { } compte)
        {
            // The checklist and the points to fix of an empty draft, for the home page and the officers' lists.
            SuiviPieces.Actualiser(inscription, compte, verificateur, maintenant);
        }

        db.Inscriptions.Add(inscription);
        TraceInscription.Ajouter(db, maintenant, candidatId, "inscription.commencee", TraceInscription.Cible(inscription.Id), null,
            $"brouillon {inscription.Numero} ({academie.Code})", null, adresse);
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two tabs started at once: the unique index kept one; use it.
            db.ChangeTracker.Clear();
            var gagnante = await db.Inscriptions.Where(i => i.CandidatId == candidatId && i.AcademieSessionId == academieSessionId)
                .Select(i => i.Id).FirstAsync(annulation).ConfigureAwait(false);
            return ResultatOperation.Succes(gagnante);
        }

        return ResultatOperation.Succes(inscription.Id);
    }
}
