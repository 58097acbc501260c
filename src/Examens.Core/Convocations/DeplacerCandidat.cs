using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Convocations;

/// <summary>Moves one candidate (or assigns one left without a seat) to another centre of their academy that has room.</summary>
public sealed class DeplacerCandidat(ExamensDbContext db, TimeProvider horloge)
{
    public async Task<ResultatOperation<AffectationCentre>> ExecuterAsync(
        string acteur, bool administrateur, Guid inscriptionId, int centreId, string? adresseIp, CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPerimetre(db, acteur, administrateur).Include(i => i.AcademieSession)
            .FirstOrDefaultAsync(i => i.Id == inscriptionId && i.Etat == EtatInscription.Soumise, annulation).ConfigureAwait(false);
        if (inscription is null)
        {
            return ResultatOperation.Echec<AffectationCentre>(new Domain.Common.ErreurRegle("R69", "NOT_FOUND", "Candidat introuvable.", null));
        }

        var (_, erreur) = await AccesSession.ModifiableAsync(db, inscription.AcademieSession.SessionId, annulation).ConfigureAwait(false);
        if (erreur is not null)
        {
            return ResultatOperation.Echec<AffectationCentre>(erreur);
        }

        var centre = await db.CentresExamen.FirstOrDefaultAsync(c => c.Id == centreId, annulation).ConfigureAwait(false);
        if (centre is null || centre.SessionId != inscription.AcademieSession.SessionId || centre.CodeAcademie != inscription.AcademieSession.Code)
        {
            return ResultatOperation.Echec<AffectationCentre>(new Domain.Common.ErreurRegle("R69", "CENTRE_INVALID",
                $"Choisissez un centre de l'académie du candidat ({inscription.AcademieSession.Nom}) pour cette session.", "centreId"));
        }

        var affectation = await db.AffectationsCentres.Include(a => a.Centre).FirstOrDefaultAsync(a => a.InscriptionId == inscriptionId, annulation).ConfigureAwait(false);
        if (affectation?.CentreId == centreId)
        {
            return ResultatOperation.Succes(affectation);
        }

        if (await db.AffectationsCentres.CountAsync(a => a.CentreId == centreId, annulation).ConfigureAwait(false) >= centre.Capacite)
        {
            return ResultatOperation.Echec<AffectationCentre>(new Domain.Common.ErreurRegle("R69", "CENTRE_FULL",
                $"Le centre « {centre.Nom} » est complet ({centre.Capacite} places).", "centreId"));
        }

        var avant = affectation?.Centre.Nom;
        var instant = horloge.GetUtcNow().UtcDateTime;
        if (affectation is null)
        {
            affectation = new AffectationCentre { InscriptionId = inscriptionId };
            db.AffectationsCentres.Add(affectation);
        }

        affectation.CentreId = centreId;
        affectation.Centre = centre;
        affectation.AffecteeLeUtc = instant;
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = instant,
            Acteur = acteur,
            Action = "centre.candidat.deplace",
            Cible = $"inscription:{inscriptionId}",
            Avant = avant,
            Apres = centre.Nom,
            Adresse = adresseIp,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(affectation);
    }
}
