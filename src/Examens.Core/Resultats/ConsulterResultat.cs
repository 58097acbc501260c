using Examens.Core.Comptes;
using Examens.Core.Documents.Releve;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Resultats;

/// <summary>
/// A registration's result as the candidate sees it: the stored (locked) decision and average, with the units line by
/// line. For a candidate, only once the session's publication instant has come (null before: the page answers 404);
/// staff see it before, as a preview.
/// </summary>
public sealed class ConsulterResultat(ExamensDbContext db, CalculerResultatCandidat calcul, TimeProvider horloge)
{
    public async Task<(DetailResultat Detail, Compte Candidat)?> ExecuterAsync(Inscription inscription, bool apercuPersonnel, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        var sessionId = inscription.AcademieSession.SessionId;
        if (!apercuPersonnel)
        {
            var publication = await db.PublicationsResultats.AsNoTracking().FirstOrDefaultAsync(p => p.SessionId == sessionId, annulation).ConfigureAwait(false);
            if (publication is null || !publication.EstPublieA(horloge.GetUtcNow()))
            {
                return null;
            }
        }

        var stocke = await db.ResultatsInscriptions.AsNoTracking().FirstOrDefaultAsync(r => r.InscriptionId == inscription.Id, annulation).ConfigureAwait(false);
        var candidat = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == inscription.CandidatId, annulation).ConfigureAwait(false);
        var detail = stocke is null || candidat is null ? null : await calcul.ExecuterAsync(inscription, null, annulation).ConfigureAwait(false);
        if (detail is null)
        {
            return null;
        }

        // The stored outcome is the one the jury locked: it is what the candidate reads.
        detail = detail with { Final = detail.Final with { Decision = stocke!.Decision, Moyenne = stocke.Moyenne, EpreuvesDeControle = stocke.EpreuvesDeControle } };
        return (detail, candidat!);
    }

    public async Task<byte[]?> ReleveAsync(Inscription inscription, bool apercuPersonnel, CancellationToken annulation)
    {
        var resultat = await ExecuterAsync(inscription, apercuPersonnel, annulation).ConfigureAwait(false);
        return resultat is { } r ? ReleveDeNotesPdf.Generer(ConstruireReleve.Construire(r.Detail, r.Candidat, horloge.GetUtcNow())) : null;
    }
}
