using System.Buffers;
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
        var (empreinte, taille, octets) = await LireEtChiffrerAsync(contenu, annulation).ConfigureAwait(false);
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

    /// <summary>
    /// The fingerprint, size and ciphertext of an upload. One whose length is known (every upload the portal receives)
    /// is read into a pooled buffer, cleared before it goes back, and encrypted into one array of the exact size.
    /// </summary>
    private async Task<(string Empreinte, long Taille, byte[] Chiffre)> LireEtChiffrerAsync(Stream contenu, CancellationToken annulation)
    {
        if (!contenu.CanSeek || contenu.Length - contenu.Position > Array.MaxLength)
        {
            using var memoire = new MemoryStream();
            await contenu.CopyToAsync(memoire, annulation).ConfigureAwait(false);
            var lus = memoire.GetBuffer().AsSpan(0, (int)memoire.Length);
            return (Convert.ToHexStringLower(SHA256.HashData(lus)), lus.Length, Cles.Chiffrer(lus));
        }

        var longueur = (int)(contenu.Length - contenu.Position);
        var tampon = ArrayPool<byte>.Shared.Rent(Math.Max(1, longueur));
        try
        {
            await contenu.ReadExactlyAsync(tampon.AsMemory(0, longueur), annulation).ConfigureAwait(false);
            var clair = tampon.AsSpan(0, longueur);
            return (Convert.ToHexStringLower(SHA256.HashData(clair)), longueur, Cles.Chiffrer(clair));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tampon, clearArray: true);
        }
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
