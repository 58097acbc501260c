using System.Security.Cryptography;
using Examens.Core.Documents;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Tests.Outils;
using Microsoft.Extensions.Configuration;

namespace Examens.Core.Tests.Documents.Chiffrement;

public sealed class ChiffrementDocumentsTests : IDisposable
{
    private readonly DossierTemporaire _dossier = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly ChiffrementDocuments _chiffrement = new(new CleDocuments("k1", RandomNumberGenerator.GetBytes(32)));

    public void Dispose() => _dossier.Dispose();

    private static string Empreinte(byte[] octets) => Convert.ToHexStringLower(SHA256.HashData(octets));

    private async Task<byte[]> Chiffrer(byte[] clair, ChiffrementDocuments? avec = null)
    {
        using var source = new MemoryStream(clair);
        using var sortie = new MemoryStream();
        await (avec ?? _chiffrement).ChiffrerAsync(source, sortie, _ct);
        return sortie.ToArray();
    }

    private async Task<byte[]> Lire(byte[] stocke, string empreinte, ChiffrementDocuments? avec = null)
    {
        using var source = new MemoryStream(stocke);
        await using var clair = await (avec ?? _chiffrement).LireAsync(source, empreinte, _ct);
        using var copie = new MemoryStream();
        await clair.CopyToAsync(copie, _ct);
        return copie.ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ChiffrementDocuments.TailleSegment - 1)]
    [InlineData(ChiffrementDocuments.TailleSegment)]
    [InlineData(ChiffrementDocuments.TailleSegment + 1)]
    [InlineData((3 * ChiffrementDocuments.TailleSegment) + 17)]
    public async Task A_document_round_trips_and_its_stored_bytes_are_not_the_plain_ones(int taille)
    {
        var clair = RandomNumberGenerator.GetBytes(taille);
        var chiffre = await Chiffrer(clair);

        Assert.True(ChiffrementDocuments.EstChiffre(chiffre));
        Assert.Equal("k1", ChiffrementDocuments.IdCle(chiffre));
        Assert.True(taille < 16 || chiffre.AsSpan().IndexOf(clair.AsSpan(0, 16)) < 0);
        Assert.Equal(clair, await Lire(chiffre, Empreinte(clair)));

        // The in-memory encryption writes the same layout, in an array of exactly the streamed size.
        var enMemoire = _chiffrement.Chiffrer(clair);
        Assert.Equal(chiffre.Length, enMemoire.Length);
        Assert.Equal(chiffre.AsSpan(0, 7).ToArray(), enMemoire.AsSpan(0, 7).ToArray()); // "EXD" 0x01, id length, "k1"
        Assert.NotEqual(chiffre, enMemoire); // its own random nonce prefix
        Assert.Equal(clair, await Lire(enMemoire, Empreinte(clair)));
    }

    [Fact]
    public async Task Two_encryptions_of_the_same_pdf_differ_because_each_file_has_its_own_nonce()
    {
        var pdf = PdfDeTest.Blanc();
        var un = await Chiffrer(pdf);
        var deux = await Chiffrer(pdf);
        Assert.NotEqual(un, deux);
        Assert.DoesNotContain("%PDF", System.Text.Encoding.Latin1.GetString(un), StringComparison.Ordinal);
    }

    public static TheoryData<string> Alterations() => ["octet", "tag", "tronque-segment", "tronque-fin", "entete", "segments-echanges"];

    [Theory]
    [MemberData(nameof(Alterations))]
    public async Task An_altered_file_gives_a_clear_error_not_garbage(string alteration)
    {
        var clair = RandomNumberGenerator.GetBytes((2 * ChiffrementDocuments.TailleSegment) + 100);
        var chiffre = await Chiffrer(clair);
        var entete = 4 + 1 + 2 + 7;
        var segment = ChiffrementDocuments.TailleSegment + 16;
        byte[] altere = alteration switch
        {
            "octet" => Inverser(chiffre, entete + 1000),
            "tag" => Inverser(chiffre, entete + segment - 1),
            "tronque-segment" => chiffre[..(entete + (2 * segment))], // the last segment dropped: the previous one is not marked last
            "tronque-fin" => chiffre[..^1],
            "entete" => Inverser(chiffre, entete - 1), // the nonce prefix, bound as associated data
            "segments-echanges" => [.. chiffre[..entete], .. chiffre[(entete + segment)..(entete + (2 * segment))], .. chiffre[entete..(entete + segment)], .. chiffre[(entete + (2 * segment))..]],
            _ => throw new ArgumentOutOfRangeException(nameof(alteration)),
        };

        var erreur = await Assert.ThrowsAsync<DocumentIllisibleException>(() => Lire(altere, Empreinte(clair)));
        Assert.StartsWith("Ce document stocké a été altéré (contrôle d'intégrité en échec)", erreur.Message, StringComparison.Ordinal);
    }

    private static byte[] Inverser(byte[] octets, int position)
    {
        var copie = (byte[])octets.Clone();
        copie[position] ^= 0x01;
        return copie;
    }

    [Fact]
    public async Task Another_document_encrypted_with_the_same_key_put_in_its_place_is_refused_by_the_fingerprint()
    {
        var autre = await Chiffrer(PdfDeTest.Blanc());
        var erreur = await Assert.ThrowsAsync<DocumentIllisibleException>(() => Lire(autre, Empreinte(ImagesDeTest.Png(2, 2))));
        Assert.Contains("altéré", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_rotation_old_files_open_with_the_old_key_and_new_ones_use_the_new_key()
    {
        var ancienne = new CleDocuments("2023", RandomNumberGenerator.GetBytes(32));
        var nouvelle = new CleDocuments("2024", RandomNumberGenerator.GetBytes(32));
        var clair = PdfDeTest.Blanc();
        var avant = await Chiffrer(clair, new ChiffrementDocuments(ancienne));
        var apres = new ChiffrementDocuments(nouvelle, [ancienne]);

        Assert.Equal(clair, await Lire(avant, Empreinte(clair), apres));
        Assert.Equal("2024", ChiffrementDocuments.IdCle(await Chiffrer(clair, apres)));
        var sansAncienne = await Assert.ThrowsAsync<DocumentIllisibleException>(() => Lire(avant, Empreinte(clair), new ChiffrementDocuments(nouvelle)));
        Assert.StartsWith("Ce document a été chiffré avec la clé « 2023 », que ce serveur n'a pas", sansAncienne.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_file_from_before_encryption_still_reads_and_is_checked_by_its_fingerprint()
    {
        var pdf = PdfDeTest.Blanc();
        Assert.Equal(pdf, await Lire(pdf, Empreinte(pdf)));
        await Assert.ThrowsAsync<DocumentIllisibleException>(() => Lire(Inverser(pdf, 100), Empreinte(pdf)));
    }

    [Fact]
    public void Keys_come_from_the_setting_or_a_key_file_and_are_generated_in_the_data_folder_when_neither_is_given()
    {
        var cle = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var ancienne = "vieille:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        static IConfiguration Config(params (string, string)[] reglages) =>
            new ConfigurationBuilder().AddInMemoryCollection(reglages.Select(r => KeyValuePair.Create(r.Item1, (string?)r.Item2))).Build();

        var parReglage = ClesDocumentsConfigurees.Charger(Config(("Examens:Documents:Cle", cle), ("Examens:Documents:AnciennesCles:0", ancienne)), _dossier.Chemin);
        Assert.Equal("1", parReglage.Courante.Id);
        Assert.False(File.Exists(Path.Combine(_dossier.Chemin, ClesDocumentsConfigurees.NomFichierParDefaut)));

        var fichier = Path.Combine(_dossier.Chemin, "cles.txt");
        File.WriteAllLines(fichier, ["# commentaire", "neuve:" + cle, ancienne]);
        Assert.Equal("neuve", ClesDocumentsConfigurees.Charger(Config(("Examens:Documents:FichierCle", fichier)), _dossier.Chemin).Courante.Id);

        var generee = ClesDocumentsConfigurees.Charger(Config(), _dossier.Chemin);
        var chemin = Path.Combine(_dossier.Chemin, ClesDocumentsConfigurees.NomFichierParDefaut);
        Assert.True(File.Exists(chemin));
        Assert.Equal(generee.Courante.Id, ClesDocumentsConfigurees.Charger(Config(), _dossier.Chemin).Courante.Id); // generated once, then reused
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(chemin));
        }

        var courte = Assert.Throws<ArgumentException>(() => ClesDocumentsConfigurees.Charger(Config(("Examens:Documents:Cle", "abc:" + Convert.ToBase64String(new byte[16]))), _dossier.Chemin));
        Assert.StartsWith("Une clé de documents fait 32 octets (AES-256) ; celle « abc » en fait 16.", courte.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_folder_store_keeps_ciphertext_under_the_plain_fingerprint_and_refuses_a_tampered_file()
    {
        var stockage = new StockageDocumentsDossier(_dossier.Chemin, _chiffrement);
        var pdf = PdfDeTest.Blanc();
        DocumentStocke stocke;
        using (var source = new MemoryStream(pdf))
        {
            stocke = await stockage.EnregistrerAsync(source, _ct);
        }

        Assert.Equal(new DocumentStocke(Empreinte(pdf), pdf.Length), stocke);
        var chemin = Path.Combine(_dossier.Chemin, stocke.Empreinte[..2], stocke.Empreinte);
        var surDisque = await File.ReadAllBytesAsync(chemin, _ct);
        Assert.NotEqual(pdf, surDisque);
        Assert.True(ChiffrementDocuments.EstChiffre(surDisque));

        await using (var relu = await stockage.OuvrirAsync(stocke.Empreinte, _ct))
        {
            using var copie = new MemoryStream();
            await relu!.CopyToAsync(copie, _ct);
            Assert.Equal(pdf, copie.ToArray());
        }

        await File.WriteAllBytesAsync(chemin, Inverser(surDisque, surDisque.Length / 2), _ct);
        await Assert.ThrowsAsync<DocumentIllisibleException>(() => stockage.OuvrirAsync(stocke.Empreinte, _ct));
    }
}
