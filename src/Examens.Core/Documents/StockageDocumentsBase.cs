using System.Security.Cryptography;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Core.Documents;

/// <summary>
/// Documents kept in the database (PostgreSQL for several nodes, or SQLite): every node sees every file, and a file is
/// visible only once its row is committed, so nothing is ever half-written. Content-addressed like the folder store.
/// The row holds AES-GCM ciphertext (<see cref="ChiffrementDocuments"/>); the key is never in the database.
/// </summary>
/// <remarks>
/// Without keys (the orphan sweep and the purge of the command line, which only list and delete rows) it stores and
/// reads nothing: an operator's maintenance command never needs the document key.
/// </remarks>
public sealed class StockageDocumentsBase(IServiceScopeFactory portees, TimeProvider horloge, ChiffrementDocuments? chiffrement = null) : IStockageDocuments
{
    private ChiffrementDocuments Cles => chiffrement ?? throw new InvalidOperationException(
        "Ce stockage de documents a été ouvert sans clé de documents (commande de maintenance) : il ne lit ni n'écrit aucun document.");

    public async Task<DocumentStocke> EnregistrerAsync(Stream contenu, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        using var memoire = new MemoryStream();
        await contenu.CopyToAsync(memoire, annulation).ConfigureAwait(false);
        var empreinte = Convert.ToHexStringLower(SHA256.HashData(memoire.GetBuffer().AsSpan(0, (int)memoire.Length)));
        var taille = memoire.Length;
        memoire.Position = 0;
        using var chiffre = new MemoryStream();
        await Cles.ChiffrerAsync(memoire, chiffre, annulation).ConfigureAwait(false);
        var octets = chiffre.ToArray();
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        // Already there: its age restarts, so the orphan sweep's grace period covers the reference about to be written.
        if (await db.ContenusDocuments.Where(c => c.Empreinte == empreinte)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EnregistreLeUtc, horloge.GetUtcNow().UtcDateTime), annulation).ConfigureAwait(false) == 0)
        {
            db.ContenusDocuments.Add(new ContenuDocument { Empreinte = empreinte, Contenu = octets, Taille = taille, EnregistreLeUtc = horloge.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // The same bytes stored at the same moment by another request or node: one copy is enough.
                if (!await ExisteAsync(empreinte, annulation).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }

        return new DocumentStocke(empreinte, taille);
    }

    public async Task<Stream?> OuvrirAsync(string empreinte, CancellationToken annulation)
    {
        Valider(empreinte);
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var octets = await db.ContenusDocuments.Where(c => c.Empreinte == empreinte).Select(c => c.Contenu).FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        if (octets is null)
        {
            return null;
        }

        using var stocke = new MemoryStream(octets, writable: false);
        return await Cles.LireAsync(stocke, empreinte, annulation).ConfigureAwait(false);
    }

    public async Task<bool> ExisteAsync(string empreinte, CancellationToken annulation)
    {
        Valider(empreinte);
        using var portee = portees.CreateScope();
        return await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().ContenusDocuments.AnyAsync(c => c.Empreinte == empreinte, annulation).ConfigureAwait(false);
    }

    public async Task SupprimerAsync(string empreinte, CancellationToken annulation)
    {
        Valider(empreinte);
        using var portee = portees.CreateScope();
        await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().ContenusDocuments.Where(c => c.Empreinte == empreinte)
            .ExecuteDeleteAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>Ready when the database answers: the documents live there.</summary>
    public async Task<bool> EstDisponibleAsync(CancellationToken annulation)
    {
        using var portee = portees.CreateScope();
        return await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Database.CanConnectAsync(annulation).ConfigureAwait(false);
    }

    private static void Valider(string empreinte)
    {
        if (empreinte is not { Length: 64 } || !empreinte.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
        {
            throw new ArgumentException("Empreinte de document invalide.", nameof(empreinte));
        }
    }
}
