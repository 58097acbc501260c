using Examens.Core.Courriels;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Inscriptions;

/// <summary>
/// An officer sets a submitted registration aside (écarter), or reinstates a set-aside one, always with a reason the
/// candidate reads (by e-mail and on their home page). Refused once convocations are published (P22, R60). One trail
/// entry each: who, when, state before and after, reason, address.
/// </summary>
public sealed class EcarterInscription(ExamensDbContext db, AvisCandidat avis, TimeProvider horloge, VerifierBrouillon verificateur)
{
    public sealed record Decision(Inscription Inscription, bool CourrielEnvoye);

    public async Task<ResultatOperation<Decision>> ExecuterAsync(
        string acteurId, bool administrateur, Guid inscriptionId, bool ecarter, string? motif, string? adresse, CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPersonnelAsync(db, acteurId, administrateur, inscriptionId, annulation).ConfigureAwait(false);
        if (inscription is null)
        {
            return ResultatOperation.Echec<Decision>(new ErreurRegle("", "NOT_FOUND", "Inscription introuvable.", null));
        }

        var maintenant = horloge.GetUtcNow();
        var session = inscription.AcademieSession.Session;
        if (ModificationInscription.Verifier(Acteur.Gestionnaire, maintenant, inscription.AcademieSession.Fenetre, session.ConvocationsPubliees, motif) is { Code: "CONVOCATIONS_PUBLISHED" } refus)
        {
            return ResultatOperation.Echec<Decision>(refus);
        }

        motif = motif?.Trim() ?? "";
        if (motif.Length == 0)
        {
            return ResultatOperation.Echec<Decision>(new ErreurRegle("P22", "REASON_REQUIRED",
                ecarter ? "Indiquez pourquoi l'inscription est écartée : le candidat lira ce motif." : "Indiquez pourquoi l'inscription est réintégrée.", "motif"));
        }

        if (motif.Length > 1000)
        {
            return ResultatOperation.Echec<Decision>(new ErreurRegle("P22", "REASON_TOO_LONG", "Le motif est trop long (1 000 caractères au plus).", "motif"));
        }

        var attendu = ecarter ? EtatInscription.Soumise : EtatInscription.Ecartee;
        if (inscription.Etat != attendu)
        {
            return ResultatOperation.Echec<Decision>(new ErreurRegle("P22", "STATE_INVALID", ecarter
                ? "Seule une inscription soumise peut être écartée (un brouillon n'est pas transmis, une inscription retirée ne compte plus)."
                : "Cette inscription n'est pas écartée.", null));
        }

        var avant = inscription.Etat;
        if (ecarter)
        {
            inscription.Ecarter(maintenant.UtcDateTime, motif);
        }
        else
        {
            inscription.Reintegrer();
        }

        inscription.Revision++;
        var candidat = await db.Users.FirstOrDefaultAsync(u => u.Id == inscription.CandidatId, annulation).ConfigureAwait(false);
        if (candidat is not null)
        {
            // A set-aside registration is never complete; reinstated, it is again if its documents all are.
            SuiviPieces.Actualiser(inscription, candidat, verificateur, maintenant);
        }

        TraceInscription.Ajouter(db, maintenant, acteurId, ecarter ? "inscription.ecartee" : "inscription.reintegree", TraceInscription.Cible(inscription.Id),
            avant.ToString(), inscription.Etat.ToString(), motif, adresse);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);

        var texte = ecarter
            ? $"""
              Bonjour,

              Votre inscription n° {inscription.Numero} au {session.Libelle} ({inscription.AcademieSession.Nom}) a été écartée par le service des examens.

              Motif : {motif}

              Si vous pensez qu'il s'agit d'une erreur, répondez au service des examens de votre académie en rappelant votre numéro d'inscription.

              Le service des examens
              """
            : $"""
              Bonjour,

              Votre inscription n° {inscription.Numero} au {session.Libelle} ({inscription.AcademieSession.Nom}) a été réintégrée par le service des examens : elle compte à nouveau.

              Motif : {motif}

              Le service des examens
              """;
        var envoye = await avis.EnvoyerAsync(candidat?.Email, $"Inscription {inscription.Numero} {(ecarter ? "écartée" : "réintégrée")}", texte, annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(new Decision(inscription, envoye));
    }
}
