using PdfSharp.Fonts;

namespace Examens.Core.Documents.Polices;

/// <summary>
/// Serves the embedded DejaVu Sans (regular and bold) for every family name, so PDFs look the same on every host and
/// never depend on the fonts installed on the server. DejaVu covers the accented Latin letters of candidates' names
/// (é, ç, ğ, ø…).
/// </summary>
public sealed class ResolveurPolices : IFontResolver
{
    public const string Famille = "DejaVu Sans";

    private const string FaceNormale = "DejaVuSans";
    private const string FaceGrasse = "DejaVuSans-Bold";

    private static readonly ResolveurPolices Instance = new();
    private static readonly Lock Verrou = new();
    private static volatile bool installe;

    // Read once per process: PDFsharp caches the parsed faces, but asks the resolver for the bytes per face.
    private static readonly Lazy<byte[]> Normale = new(() => Lire(FaceNormale));
    private static readonly Lazy<byte[]> Grasse = new(() => Lire(FaceGrasse));

    private ResolveurPolices()
    {
    }

    /// <summary>
    /// Registers the resolver once per process. PDFsharp forbids changing the resolver after a font was used, so an
    /// already registered resolver (a host's own) is kept.
    /// </summary>
    public static void Installer()
    {
        if (installe)
        {
            return;
        }

        lock (Verrou)
        {
            GlobalFontSettings.FontResolver ??= Instance;
            installe = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? FaceGrasse : FaceNormale, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        FaceNormale => Normale.Value,
        FaceGrasse => Grasse.Value,
        _ => null,
    };

    private static byte[] Lire(string face)
    {
        var nom = $"{typeof(ResolveurPolices).Namespace}.{face}.ttf";
        using var flux = typeof(ResolveurPolices).Assembly.GetManifestResourceStream(nom)
            ?? throw new InvalidOperationException($"Police intégrée introuvable : {nom}.");
        using var memoire = new MemoryStream();
        flux.CopyTo(memoire);
        return memoire.ToArray();
    }
}
