using System.Text;
using Examens.Core.Documents;
using Examens.Core.Tests.Outils;
using PdfSharp.Pdf;

namespace Examens.Core.Tests.Documents;

public sealed class ControleFichierTests : IDisposable
{
    private const long DixMo = 10 * 1024 * 1024;
    private const string IllisiblePrefixe = "Ce PDF est illisible ou endommagé : ";

    private readonly DossierTemporaire _dossier = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dossier.Dispose();

    private async Task<(ResultatControleFichier Resultat, byte[] Copie)> Analyser(byte[] octets, long tailleMaximale = DixMo, long pixelsMaximum = ControleFichier.PixelsMaximumParDefaut)
    {
        using var source = new MemoryStream(octets);
        using var destination = new MemoryStream();
        var resultat = await ControleFichier.AnalyserAsync(source, tailleMaximale, pixelsMaximum, destination, _ct);
        if (resultat.EstValide)
        {
            Assert.Equal(0, destination.Position); // rewound, ready to be stored
        }

        // The same file checked where it is (an upload the form holds whole, ReceptionFichier) gets the same answer.
        using var formulaire = new MemoryStream(octets, writable: false);
        var surPlace = await ControleFichier.AnalyserSurPlaceAsync(formulaire, tailleMaximale, pixelsMaximum, _ct);
        Assert.Equal(resultat.Type, surPlace.Type);
        Assert.Equal(resultat.Erreur, surPlace.Erreur);
        if (surPlace.EstValide)
        {
            Assert.Equal(resultat.Taille, surPlace.Taille);
            Assert.Equal(0, formulaire.Position);
        }

        return (resultat, destination.ToArray());
    }

    public static TheoryData<string, TypeFichier> Valides() => new()
    {
        { "pdf", TypeFichier.Pdf },
        { "png", TypeFichier.Png },
        { "jpeg", TypeFichier.Jpeg },
    };

    private static byte[] Exemple(string nom) => nom switch
    {
        "pdf" => PdfDeTest.Blanc(),
        "png" => ImagesDeTest.Png(4, 3),
        "jpeg" => ImagesDeTest.Jpeg(16, 8),
        _ => throw new ArgumentOutOfRangeException(nameof(nom)),
    };

    [Theory]
    [MemberData(nameof(Valides))]
    public async Task A_valid_file_is_accepted_copied_whole_and_typed_by_content(string exemple, TypeFichier type)
    {
        var octets = Exemple(exemple);
        var (resultat, copie) = await Analyser(octets);

        Assert.Equal(new ResultatControleFichier(type, octets.Length, null), resultat);
        Assert.True(resultat.EstValide);
        Assert.Equal(octets, copie);
    }

    [Fact]
    public async Task A_pdf_saved_under_a_png_name_is_recognised_as_a_pdf()
    {
        var chemin = Path.Combine(_dossier.Chemin, "scan.png");
        await File.WriteAllBytesAsync(chemin, PdfDeTest.Blanc(), _ct);
        await using var source = File.OpenRead(chemin);
        await using var destination = new FileStream(Path.Combine(_dossier.Chemin, "copie"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.Asynchronous);

        var resultat = await ControleFichier.AnalyserAsync(source, DixMo, destination, _ct);

        Assert.True(resultat.EstValide, resultat.Erreur);
        Assert.Equal(TypeFichier.Pdf, resultat.Type);
        Assert.True(destination.CanRead); // the PDF parser must not have closed the caller's stream
    }

    [Fact]
    public async Task A_text_file_renamed_pdf_is_refused_because_the_type_comes_from_the_content()
    {
        var chemin = Path.Combine(_dossier.Chemin, "attestation.pdf");
        await File.WriteAllTextAsync(chemin, "Attestation de réussite\nNom : Dupont\n", Encoding.UTF8, _ct);
        await using var source = File.OpenRead(chemin);
        using var destination = new MemoryStream();

        var resultat = await ControleFichier.AnalyserAsync(source, DixMo, destination, _ct);

        Assert.Null(resultat.Type);
        Assert.Equal(
            "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG : seuls ces formats sont acceptés (le type est reconnu d'après le contenu, pas d'après le nom).",
            resultat.Erreur);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E })] // shorter than any signature
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })] // "%PDF" without the dash
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0 })] // GIF
    public async Task Other_or_truncated_signatures_are_refused(byte[] octets)
    {
        var (resultat, _) = await Analyser(octets);
        Assert.Null(resultat.Type);
        Assert.StartsWith("Ce fichier n'est ni un PDF", resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var (resultat, _) = await Analyser([]);
        Assert.Equal(new ResultatControleFichier(null, 0, "Le fichier est vide."), resultat);
    }

    [Fact]
    public async Task Reading_stops_just_past_the_size_limit_without_consuming_the_upload()
    {
        const long UnGo = 1024L * 1024 * 1024;
        var source = new FluxSurveille(UnGo, DixMo + 64 * 1024);
        using var destination = new MemoryStream();

        var resultat = await ControleFichier.AnalyserAsync(source, DixMo, destination, _ct);

        Assert.Equal("Le fichier dépasse la taille maximale de 10 Mo.", resultat.Erreur);
        Assert.Equal(DixMo + 1, source.Lus);
        Assert.True(destination.Length <= DixMo);
    }

    [Fact]
    public async Task The_size_limit_is_inclusive_and_its_message_gives_the_limit_in_french()
    {
        var octets = ImagesDeTest.Png(4, 3);

        Assert.True((await Analyser(octets, tailleMaximale: octets.Length)).Resultat.EstValide);
        Assert.True((await Analyser(octets, tailleMaximale: long.MaxValue)).Resultat.EstValide);
        Assert.Equal("Le fichier dépasse la taille maximale de 2,5 Mo.", (await Analyser(new byte[(5 * 1024 * 1024 / 2) + 1], tailleMaximale: 5 * 1024 * 1024 / 2)).Resultat.Erreur);
        Assert.StartsWith("Le fichier dépasse la taille maximale de ", (await Analyser(octets, tailleMaximale: octets.Length - 1)).Resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_destination_that_is_not_empty_is_refused()
    {
        using var source = new MemoryStream(ImagesDeTest.Png(1, 1));
        using var destination = new MemoryStream([1, 2, 3]);
        await Assert.ThrowsAsync<ArgumentException>(() => ControleFichier.AnalyserAsync(source, DixMo, destination, _ct));
    }

    public static TheoryData<string> PdfCasses() =>
    [
        "%PDF-1.7\nCeci n'est pas un PDF, seulement son en-tête.\n",
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n",
    ];

    [Theory]
    [MemberData(nameof(PdfCasses))]
    public async Task A_pdf_that_does_not_parse_is_refused(string contenu)
    {
        var (resultat, _) = await Analyser(Encoding.ASCII.GetBytes(contenu));

        Assert.Equal(TypeFichier.Pdf, resultat.Type);
        Assert.StartsWith(IllisiblePrefixe, resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_pdf_is_refused()
    {
        var octets = PdfDeTest.Blanc();
        var (resultat, _) = await Analyser(octets[..(octets.Length / 3)]);
        Assert.StartsWith(IllisiblePrefixe, resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_without_pages_is_refused()
    {
        var sansPage = PdfDeTest.Brut("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>");
        var (resultat, _) = await Analyser(sansPage);
        Assert.StartsWith(IllisiblePrefixe, resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_written_pdf_passes_so_the_refusals_below_are_about_their_content()
    {
        var (resultat, _) = await Analyser(PdfDeTest.Brut(
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
        Assert.True(resultat.EstValide, resultat.Erreur);
        var (compresse, _) = await Analyser(PdfDeTest.CatalogueCompresse("<< /Type /Catalog /Pages 2 0 R >>"));
        Assert.True(compresse.EstValide, compresse.Erreur);
    }

    [Fact]
    public async Task A_pdf_with_javascript_is_refused()
    {
        var octets = PdfDeTest.Blanc(d => PdfDeTest.ActionOuverture(d, ("/S", new PdfName("/JavaScript")), ("/JS", new PdfString("app.alert('bonjour');"))));
        var (resultat, _) = await Analyser(octets);

        Assert.Equal(TypeFichier.Pdf, resultat.Type);
        Assert.StartsWith("Ce PDF contient du JavaScript, refusé pour des raisons de sécurité.", resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_with_a_launch_action_is_refused()
    {
        var octets = PdfDeTest.Blanc(d => PdfDeTest.ActionOuverture(d, ("/S", new PdfName("/Launch")), ("/F", new PdfString("calc.exe"))));
        var (resultat, _) = await Analyser(octets);
        Assert.StartsWith("Ce PDF contient une action qui lance un programme", resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_with_an_embedded_file_is_refused()
    {
        var octets = PdfDeTest.Blanc(d => d.AddEmbeddedFile("piece.exe", new MemoryStream([0x4D, 0x5A, 0x90, 0x00])));
        var (resultat, _) = await Analyser(octets);
        Assert.StartsWith("Ce PDF contient des fichiers joints", resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Javascript_named_with_hex_escapes_is_found_by_the_parser_where_bytes_do_not_show_it()
    {
        var octets = PdfDeTest.Brut(
            "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        Assert.DoesNotContain("/JavaScript", Encoding.ASCII.GetString(octets), StringComparison.Ordinal);

        var (resultat, _) = await Analyser(octets);
        Assert.StartsWith("Ce PDF contient du JavaScript", resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Javascript_inside_a_compressed_object_stream_is_found()
    {
        var octets = PdfDeTest.CatalogueCompresse("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>");
        Assert.DoesNotContain("JavaScript", Encoding.Latin1.GetString(octets), StringComparison.Ordinal);

        var (resultat, _) = await Analyser(octets);
        Assert.StartsWith("Ce PDF contient du JavaScript", resultat.Erreur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forbidden_name_is_found_by_the_byte_scan_wherever_it_falls_around_a_read_block_boundary()
    {
        // In a comment the parser skips, only the byte scan sees the name; sweeping its position across the scan's
        // 80 KiB read blocks proves no name is lost between two blocks.
        static byte[] Pdf(int remplissage) => PdfDeTest.Brut(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "%" + new string('x', remplissage) + "/JavaScript\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        static int Position(byte[] octets) => Encoding.ASCII.GetString(octets).IndexOf("/JavaScript", StringComparison.Ordinal);

        var origine = Position(Pdf(0));
        Assert.True((await Analyser(PdfDeTest.Brut("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "%" + new string('x', 81_900) + "\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"))).Resultat.EstValide);
        for (var cible = 81_880; cible <= 81_960; cible++)
        {
            var octets = Pdf(cible - origine);
            Assert.Equal(cible, Position(octets));
            var (resultat, _) = await Analyser(octets);
            Assert.StartsWith("Ce PDF contient du JavaScript", resultat.Erreur, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_png_claiming_100000_by_100000_pixels_is_refused_as_a_bomb()
    {
        var bombe = ImagesDeTest.PngBrut(100_000, 100_000, ImagesDeTest.Compresser(new byte[1000]));
        var (resultat, _) = await Analyser(bombe);

        Assert.Equal(TypeFichier.Png, resultat.Type);
        Assert.Equal(
            "Cette image est trop grande : 100\u202F000 × 100\u202F000 pixels, au-delà de la limite de 50 millions de pixels. Réduisez sa définition puis déposez-la de nouveau.",
            resultat.Erreur);
    }

    [Fact]
    public async Task A_jpeg_over_the_pixel_limit_is_refused_and_one_at_the_limit_accepted()
    {
        var jpeg = ImagesDeTest.Jpeg(8000, 7000);

        Assert.StartsWith("Cette image est trop grande : 8\u202F000 × 7\u202F000 pixels", (await Analyser(jpeg)).Resultat.Erreur, StringComparison.Ordinal);
        Assert.True((await Analyser(jpeg, pixelsMaximum: 56_000_000)).Resultat.EstValide);
    }

    public static TheoryData<byte[]> ImagesCassees() =>
    [
        ImagesDeTest.PngBrut(0, 10, []),                    // zero width
        ImagesDeTest.PngBrut(10, 0x8000_0000, []),          // beyond the 2^31-1 the PNG specification allows
        ImagesDeTest.PngBrut(10, 10, [], profondeur: 7),    // no such bit depth
        ImagesDeTest.PngBrut(10, 10, [])[..20],             // header cut short
        ImagesDeTest.Jpeg(0, 8),                            // zero width
        ImagesDeTest.Jpeg(8, 8)[..30],                      // cut before the frame header
        new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0xFF, 0xD9 }, // scan before any frame header
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01 }, // segment length below its own two bytes
    ];

    [Theory]
    [MemberData(nameof(ImagesCassees))]
    public async Task An_image_whose_header_gives_no_sane_dimensions_is_refused(byte[] octets)
    {
        var (resultat, _) = await Analyser(octets);

        Assert.NotNull(resultat.Type);
        Assert.Matches("^Cette image (PNG|JPEG) est endommagée : son en-tête n'indique pas de dimensions valides\\.$", resultat.Erreur);
    }
}
