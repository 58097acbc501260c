using System.Security.Cryptography;
using Examens.Core.Documents;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Persistance;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Core.Tests.Documents;

public sealed class StockageDocumentsBaseTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>A stream the store cannot measure: read to its end like any network body.</summary>
    private sealed class FluxSansLongueur(byte[] octets) : MemoryStream(octets)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_upload_is_stored_encrypted_from_where_its_stream_stands_and_read_back_whole(string baseDeDonnees)
    {
        using var b = new BaseDeTest(baseDeDonnees);
        var services = new ServiceCollection();
        services.AddExamensPersistance(b.Chaine);
        await using var fournisseur = services.BuildServiceProvider();
        var portees = fournisseur.GetRequiredService<IServiceScopeFactory>();
        var stockage = new StockageDocumentsBase(portees, TimeProvider.System, new ChiffrementDocuments(new CleDocuments("k1", RandomNumberGenerator.GetBytes(32))));

        // A scan of several encryption segments, one of exactly one segment, and an empty file; the first is given
        // after a prefix already read (the store takes the stream from where it stands, as the upload check leaves it).
        var scan = RandomNumberGenerator.GetBytes((2 * ChiffrementDocuments.TailleSegment) + 1234);
        var segment = RandomNumberGenerator.GetBytes(ChiffrementDocuments.TailleSegment);
        var avecPrefixe = new MemoryStream([.. "déjà lu"u8, .. scan]) { Position = "déjà lu"u8.Length };
        var cas = new (Stream Flux, byte[] Attendu)[]
        {
            (avecPrefixe, scan),
            (new MemoryStream(segment), segment),
            (new MemoryStream([]), []),
            (new FluxSansLongueur(segment.Reverse().ToArray()), [.. segment.Reverse()]),
        };
        foreach (var (flux, attendu) in cas)
        {
            var stocke = await stockage.EnregistrerAsync(flux, _ct);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(attendu)), stocke.Empreinte);
            Assert.Equal(attendu.Length, stocke.Taille);
            await using var relu = await stockage.OuvrirAsync(stocke.Empreinte, _ct);
            using var copie = new MemoryStream();
            await relu!.CopyToAsync(copie, _ct);
            Assert.Equal(attendu, copie.ToArray());
        }

        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var lignes = db.ContenusDocuments.ToList();
        Assert.Equal(4, lignes.Count);
        Assert.All(lignes, l => Assert.True(ChiffrementDocuments.EstChiffre(l.Contenu)));
        Assert.True(lignes.Single(l => l.Taille == scan.Length).Contenu.AsSpan().IndexOf(scan.AsSpan(0, 64)) < 0);

        // The same bytes again: one copy is kept.
        await stockage.EnregistrerAsync(new MemoryStream(scan), _ct);
        Assert.Equal(4, db.ContenusDocuments.Count());
    }
}
