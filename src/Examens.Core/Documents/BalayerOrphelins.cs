using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Documents;

/// <summary>
/// Removes stored files that no row refers to (an upload whose process died between writing the file and recording
/// it, or a record removed later), once they are older than a grace period: a file is always written before its row,
/// so a younger file may be an upload still in progress. References: uploaded documents and identity-correction
/// proofs. Returns the fingerprints removed.
/// </summary>
public sealed class BalayerOrphelins(ExamensDbContext db, IStockageDocuments stockage, TimeProvider horloge)
{
    /// <summary>Longer than any upload takes; a file re-received restarts its age.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<string>> ExecuterAsync(TimeSpan grace, CancellationToken annulation)
    {
        var limite = horloge.GetUtcNow().UtcDateTime - grace;
        var references = (await db.PiecesDeposees.Select(p => p.Empreinte)
                .Concat(db.DemandesCorrectionIdentite.Select(d => d.EmpreinteJustificatif))
                .Distinct().ToListAsync(annulation).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var supprimes = new List<string>();
        switch (stockage)
        {
            case StockageDocumentsDossier dossier:
                foreach (var empreinte in await dossier.ListerAsync(annulation).ConfigureAwait(false))
                {
                    if (!references.Contains(empreinte) && dossier.DerniereEcritureUtc(empreinte) is { } ecrit && ecrit < limite)
                    {
                        await dossier.SupprimerAsync(empreinte, annulation).ConfigureAwait(false);
                        supprimes.Add(empreinte);
                    }
                }

                break;
            case StockageDocumentsBase:
                var candidats = await db.ContenusDocuments.Where(c => c.EnregistreLeUtc < limite).Select(c => c.Empreinte)
                    .ToListAsync(annulation).ConfigureAwait(false);
                foreach (var empreinte in candidats.Where(e => !references.Contains(e)))
                {
                    // Only if still old: a re-upload of the same bytes since the listing restarted its age.
                    if (await db.ContenusDocuments.Where(c => c.Empreinte == empreinte && c.EnregistreLeUtc < limite)
                            .ExecuteDeleteAsync(annulation).ConfigureAwait(false) > 0)
                    {
                        supprimes.Add(empreinte);
                    }
                }

                break;
        }

        return supprimes;
    }
}
