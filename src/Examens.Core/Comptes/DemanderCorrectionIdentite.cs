using Examens.Core.Documents;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Examens.Core.Comptes;

/// <summary>The candidate asks for a correction of a locked identity, with a proof document (checked and stored like any upload).</summary>
public sealed class DemanderCorrectionIdentite(ExamensDbContext db, IStockageDocuments stockage, TimeProvider horloge, IOptions<OptionsPieces> options)
{
    public sealed record Demande(string Nom, string Prenoms, DateOnly DateNaissance, string LieuNaissance, string Explication);

    public async Task<ResultatOperation<DemandeCorrectionIdentite>> ExecuterAsync(string candidatId, Demande demande, Stream justificatif, CancellationToken annulation, string? adresse = null)
    {
        ArgumentNullException.ThrowIfNull(demande);
        ArgumentNullException.ThrowIfNull(justificatif);
        var compte = await db.Users.FirstOrDefaultAsync(u => u.Id == candidatId, annulation).ConfigureAwait(false);
        if (compte is null)
        {
            return ResultatOperation.Echec<DemandeCorrectionIdentite>(new ErreurRegle("", "NOT_FOUND", "Compte introuvable.", null));
        }

        if (!compte.IdentiteVerrouillee)
        {
            return ResultatOperation.Echec<DemandeCorrectionIdentite>(new ErreurRegle("R68", "IDENTITY_NOT_LOCKED",
                "Votre identité n'est pas encore verrouillée : corrigez-la directement à l'étape « Identité » de votre inscription.", null));
        }

        if (await db.DemandesCorrectionIdentite.AnyAsync(d => d.CandidatId == candidatId && d.Etat == EtatDemandeCorrection.EnAttente, annulation).ConfigureAwait(false))
        {
            return ResultatOperation.Echec<DemandeCorrectionIdentite>(new ErreurRegle("R68", "REQUEST_PENDING",
                "Une demande de correction est déjà en attente : le service des examens y répondra avant toute nouvelle demande.", null));
        }

        var recu = await ReceptionFichier.RecevoirAsync(justificatif, stockage, options.Value, annulation).ConfigureAwait(false);
        if (!recu.Accepte)
        {
            return ResultatOperation.Echec<DemandeCorrectionIdentite>(new ErreurRegle("R68", "FILE_REFUSED", recu.Erreur!, "justificatif"));
        }

        var nouvelle = new DemandeCorrectionIdentite
        {
            Id = Guid.NewGuid(),
            CandidatId = candidatId,
            Nom = demande.Nom,
            Prenoms = demande.Prenoms,
            DateNaissance = demande.DateNaissance,
            LieuNaissance = demande.LieuNaissance,
            Explication = demande.Explication,
            EmpreinteJustificatif = recu.Stocke!.Empreinte,
            TypeJustificatif = recu.Type!.Value,
            DemandeeLeUtc = horloge.GetUtcNow().UtcDateTime,
        };
        db.DemandesCorrectionIdentite.Add(nouvelle);
        Journal.TraceInscription.Ajouter(db, horloge.GetUtcNow(), candidatId, "identite.correction.demandee", Journal.TraceInscription.CibleCompte(candidatId),
            TraiterDemandeCorrection.Decrire(compte.Nom, compte.Prenoms, compte.DateNaissance, compte.LieuNaissance),
            TraiterDemandeCorrection.Decrire(demande.Nom, demande.Prenoms, demande.DateNaissance, demande.LieuNaissance), demande.Explication, adresse);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(nouvelle);
    }
}
