using System.Security.Cryptography;
using Examens.Core.Documents;
using Examens.Core.Tests.Outils;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Documents;

public sealed class StockageDocumentsDossierTests : IDisposable
{
    private readonly DossierTemporaire _dossier = new();
    private readonly StockageDocumentsDossier _stockage;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public StockageDocumentsDossierTests() => _stockage = new StockageDocumentsDossier(_dossier.Chemin);

    private string Temporaires => Path.Combine(_dossier.Chemin, "tmp");

    public void Dispose() => _dossier.Dispose();

    private async Task<DocumentStocke> Enregistrer(byte[] octets)
    {
        using var flux = new MemoryStream(octets);
        return await _stockage.EnregistrerAsync(flux, _ct);
    }

    private string[] FichiersHorsTemporaires() =>
        [.. Directory.GetFiles(_dossier.Chemin, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(Temporaires + Path.DirectorySeparatorChar, StringComparison.Ordinal))];

    [Fact]
    public async Task The_same_bytes_stored_twice_make_one_file_named_by_their_sha256()
    {
        var octets = ImagesDeTest.Png(3, 2);
        var premier = await Enregistrer(octets);
        var second = await Enregistrer(octets);

        var attendue = Convert.ToHexStringLower(SHA256.HashData(octets));
        Assert.Equal(new DocumentStocke(attendue, octets.Length), premier);
        Assert.Equal(premier, second);
        Assert.Equal([Path.Combine(_dossier.Chemin, attendue[..2], attendue)], FichiersHorsTemporaires());
        Assert.Empty(Directory.GetFiles(Temporaires));
        Assert.Equal([attendue], await _stockage.ListerAsync(_ct));
    }

    [Fact]
    public async Task A_stored_document_reads_back_through_a_read_only_stream()
    {
        var octets = PdfDeTest.Blanc();
        var stocke = await Enregistrer(octets);

        Assert.True(await _stockage.ExisteAsync(stocke.Empreinte, _ct));
        await using var flux = await _stockage.OuvrirAsync(stocke.Empreinte, _ct);
        Assert.NotNull(flux);
        Assert.False(flux.CanWrite);
        using var copie = new MemoryStream();
        await flux.CopyToAsync(copie, _ct);
        Assert.Equal(octets, copie.ToArray());
    }

    [Fact]
    public async Task A_source_failing_midway_never_shows_a_final_file_and_leaves_no_temporary()
    {
        string[]? temporairesPendant = null;
        string[]? finauxPendant = null;
        var source = new FluxDefaillant(new byte[200_000], () =>
        {
            temporairesPendant = Directory.GetFiles(Temporaires);
            finauxPendant = FichiersHorsTemporaires();
        });

        await Assert.ThrowsAsync<IOException>(() => _stockage.EnregistrerAsync(source, _ct));

        var temporaire = Assert.Single(temporairesPendant!);
        Assert.EndsWith(".part", temporaire, StringComparison.Ordinal);
        Assert.Empty(finauxPendant!);
        Assert.Empty(Directory.GetFiles(Temporaires));
        Assert.Empty(FichiersHorsTemporaires());
        Assert.Empty(await _stockage.ListerAsync(_ct));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_no_temporary()
    {
        using var annulation = new CancellationTokenSource();
        await annulation.CancelAsync();
        using var source = new MemoryStream(new byte[1000]);

        // The temporary file is created before the first read, which sees the cancellation.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _stockage.EnregistrerAsync(source, annulation.Token));

        Assert.Empty(Directory.GetFiles(Temporaires));
        Assert.Empty(FichiersHorsTemporaires());
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")] // uppercase
    [InlineData("e3b0c44298fc1c149afbf4c8996fb924")] // too short
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550")] // too long
    [InlineData("../b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")] // right length, a path
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g")]
    [InlineData("")]
    public async Task A_fingerprint_that_is_not_64_lowercase_hex_characters_is_refused(string empreinte)
    {
        var ouvrir = await Assert.ThrowsAsync<ArgumentException>(() => _stockage.OuvrirAsync(empreinte, _ct));
        Assert.Contains("64 caractères hexadécimaux minuscules", ouvrir.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => _stockage.ExisteAsync(empreinte, _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _stockage.SupprimerAsync(empreinte, _ct));
    }

    [Fact]
    public async Task An_unknown_fingerprint_opens_to_null_and_deleting_twice_is_harmless()
    {
        var stocke = await Enregistrer(ImagesDeTest.Jpeg(8, 8));
        var inconnue = new string('0', 64);

        Assert.Null(await _stockage.OuvrirAsync(inconnue, _ct));
        Assert.False(await _stockage.ExisteAsync(inconnue, _ct));
        await _stockage.SupprimerAsync(inconnue, _ct);

        await _stockage.SupprimerAsync(stocke.Empreinte, _ct);
        await _stockage.SupprimerAsync(stocke.Empreinte, _ct);
        Assert.False(await _stockage.ExisteAsync(stocke.Empreinte, _ct));
        Assert.Null(await _stockage.OuvrirAsync(stocke.Empreinte, _ct));
        Assert.Empty(await _stockage.ListerAsync(_ct));
    }

    [Fact]
    public async Task Listing_gives_every_stored_fingerprint_sorted_and_ignores_foreign_files()
    {
        var a = await Enregistrer([1, 2, 3]);
        var b = await Enregistrer([4, 5, 6]);
        Directory.CreateDirectory(Path.Combine(_dossier.Chemin, "zz"));
        await File.WriteAllTextAsync(Path.Combine(_dossier.Chemin, "zz", new string('a', 64)), "", _ct);
        await File.WriteAllTextAsync(Path.Combine(_dossier.Chemin, a.Empreinte[..2], "notes.txt"), "", _ct);
        await File.WriteAllTextAsync(Path.Combine(Temporaires, "abandon.part"), "", _ct);

        Assert.Equal(new[] { a.Empreinte, b.Empreinte }.Order(StringComparer.Ordinal), await _stockage.ListerAsync(_ct));
    }

    [Fact]
    public async Task An_empty_store_lists_nothing()
    {
        var vide = new StockageDocumentsDossier(Path.Combine(_dossier.Chemin, "absent"));
        Assert.Empty(await vide.ListerAsync(_ct));
        Assert.Equal(0, await vide.NettoyerTemporairesAsync(TimeSpan.FromHours(1), TimeProvider.System, _ct));
    }

    [Fact]
    public async Task Cleaning_removes_only_temporaries_older_than_the_given_age()
    {
        await Enregistrer([7, 8, 9]); // creates tmp
        var maintenant = new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var horloge = new FakeTimeProvider(maintenant);
        var ancien = Path.Combine(Temporaires, "ancien.part");
        var recent = Path.Combine(Temporaires, "recent.part");
        var autre = Path.Combine(Temporaires, "autre.txt");
        foreach (var f in new[] { ancien, recent, autre })
        {
            await File.WriteAllBytesAsync(f, [1], _ct);
            File.SetLastWriteTimeUtc(f, maintenant.UtcDateTime.AddHours(-3));
        }

        File.SetLastWriteTimeUtc(recent, maintenant.UtcDateTime.AddMinutes(-30));

        Assert.Equal(1, await _stockage.NettoyerTemporairesAsync(TimeSpan.FromHours(1), horloge, _ct));
        Assert.False(File.Exists(ancien));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(autre));
        Assert.Single(await _stockage.ListerAsync(_ct));
    }

    [Fact]
    public async Task A_writable_folder_is_available_and_the_probe_leaves_nothing_behind()
    {
        var stockage = new StockageDocumentsDossier(Path.Combine(_dossier.Chemin, "pas-encore-cree"));

        Assert.True(await stockage.EstDisponibleAsync(_ct));
        Assert.Empty(Directory.GetFiles(_dossier.Chemin, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("documents")]
    [InlineData("documents/tmp")]
    public async Task A_file_where_a_folder_should_be_makes_the_store_unavailable(string cheminOccupe)
    {
        var racine = Path.Combine(_dossier.Chemin, "documents");
        var occupe = Path.Combine(_dossier.Chemin, cheminOccupe);
        Directory.CreateDirectory(Path.GetDirectoryName(occupe)!);
        await File.WriteAllTextAsync(occupe, "pas un dossier", _ct);

        Assert.False(await new StockageDocumentsDossier(racine).EstDisponibleAsync(_ct));
    }
}
