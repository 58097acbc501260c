using System.Buffers.Binary;
using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokens;

namespace Examens.Core.Documents;

/// <summary>
/// Checks an uploaded file before it is stored: bounded size, type recognised by content (never by name or declared
/// MIME type), a PDF that parses and carries no active content, an image whose header gives sane dimensions.
/// </summary>
public static class ControleFichier
{
    /// <summary>Beyond this many pixels an image is refused: a tiny file can claim a huge canvas (decompression bomb).</summary>
    public const long PixelsMaximumParDefaut = 50_000_000;

    private const int TailleBloc = 81_920;

    private const string MessageTypeInconnu =
        "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG : seuls ces formats sont acceptés (le type est reconnu d'après le contenu, pas d'après le nom).";

    private const string ConseilPdfActif =
        "refusé pour des raisons de sécurité. Ouvrez-le, imprimez-le en PDF (« Imprimer » puis « Enregistrer au format PDF ») et déposez cette copie.";

    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly byte[] SignaturePdf = "%PDF-"u8.ToArray();
    private static readonly byte[] SignaturePng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] SignatureJpeg = [0xFF, 0xD8, 0xFF];

    // Names that make a PDF active: scripts, attachments, programs launched. Each maps to the reason given.
    private static readonly Dictionary<string, string> NomsInterdits = new(StringComparer.Ordinal)
    {
        ["JS"] = "du JavaScript",
        ["JavaScript"] = "du JavaScript",
        ["EmbeddedFile"] = "des fichiers joints",
        ["EmbeddedFiles"] = "des fichiers joints",
        ["Launch"] = "une action qui lance un programme",
    };

    private static readonly (string Nom, byte[] Jeton)[] NomsInterditsOctets =
        [.. NomsInterdits.Keys.Select(n => (n, System.Text.Encoding.ASCII.GetBytes("/" + n)))];

    /// <inheritdoc cref="AnalyserAsync(Stream, long, long, Stream, CancellationToken)"/>
    public static Task<ResultatControleFichier> AnalyserAsync(Stream source, long tailleMaximale, Stream destination, CancellationToken ct) =>
        AnalyserAsync(source, tailleMaximale, PixelsMaximumParDefaut, destination, ct);

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> (empty, readable, writable and seekable:
    /// a temporary file or buffer) and reads no further than one byte past <paramref name="tailleMaximale"/>, then
    /// checks the copy. On success the destination is rewound to its start, ready to be stored; on refusal its content
    /// is meaningless and the caller discards it.
    /// </summary>
    public static async Task<ResultatControleFichier> AnalyserAsync(Stream source, long tailleMaximale, long pixelsMaximum, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tailleMaximale);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsMaximum);
        if (!destination.CanRead || !destination.CanWrite || !destination.CanSeek || destination.Length != 0)
        {
            throw new ArgumentException("La destination doit être un flux vide, lisible, inscriptible et repositionnable.", nameof(destination));
        }

        var taille = await CopierAsync(source, tailleMaximale, destination, ct).ConfigureAwait(false);
        await destination.FlushAsync(ct).ConfigureAwait(false);
        return await ControlerAsync(destination, taille, tailleMaximale, pixelsMaximum, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks a file already whole in a seekable stream (an upload the form kept in memory, its length known), where
    /// it is, without a copy; the same checks as <see cref="AnalyserAsync(Stream, long, long, Stream, CancellationToken)"/>,
    /// and the stream rewound to its start on success.
    /// </summary>
    public static Task<ResultatControleFichier> AnalyserSurPlaceAsync(Stream fichier, long tailleMaximale, long pixelsMaximum, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fichier);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tailleMaximale);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsMaximum);
        if (!fichier.CanRead || !fichier.CanSeek)
        {
            throw new ArgumentException("Le fichier doit être un flux lisible et repositionnable.", nameof(fichier));
        }

        return ControlerAsync(fichier, fichier.Length, tailleMaximale, pixelsMaximum, ct);
    }

    private static async Task<ResultatControleFichier> ControlerAsync(Stream fichier, long taille, long tailleMaximale, long pixelsMaximum, CancellationToken ct)
    {
        if (taille > tailleMaximale)
        {
            return new(null, taille, string.Create(Francais, $"Le fichier dépasse la taille maximale de {tailleMaximale / (1024.0 * 1024.0):0.##} Mo."));
        }

        if (taille == 0)
        {
            return new(null, 0, "Le fichier est vide.");
        }

        var entete = new byte[Math.Min(SignaturePng.Length, taille)];
        fichier.Position = 0;
        await fichier.ReadExactlyAsync(entete, ct).ConfigureAwait(false);

        // The PDF specification lets "%PDF-" appear anywhere in the first 1024 bytes; requiring it at offset 0 is simpler
        // and refuses only files with junk before the header, which no ordinary PDF producer writes.
        TypeFichier? type = entete.AsSpan().StartsWith(SignaturePdf) ? TypeFichier.Pdf
            : entete.AsSpan().StartsWith(SignaturePng) ? TypeFichier.Png
            : entete.AsSpan().StartsWith(SignatureJpeg) ? TypeFichier.Jpeg
            : null;
        if (type is not { } connu)
        {
            return new(null, taille, MessageTypeInconnu);
        }

        var erreur = connu switch
        {
            TypeFichier.Pdf => await ControlerPdfAsync(fichier, ct).ConfigureAwait(false),
            TypeFichier.Png => ControlerDimensions("PNG", await LireDimensionsPngAsync(fichier, ct).ConfigureAwait(false), pixelsMaximum),
            TypeFichier.Jpeg => ControlerDimensions("JPEG", await LireDimensionsJpegAsync(fichier, ct).ConfigureAwait(false), pixelsMaximum),
        };
        fichier.Position = 0;
        return new(connu, taille, erreur);
    }

    /// <summary>The number of bytes read: at most one past the limit, so an oversized upload is never read in full.</summary>
    private static async Task<long> CopierAsync(Stream source, long tailleMaximale, Stream destination, CancellationToken ct)
    {
        var tampon = new byte[TailleBloc];
        long taille = 0;
        while (true)
        {
            var demande = (int)Math.Min(tampon.Length - 1, tailleMaximale - taille) + 1;
            var lus = await source.ReadAsync(tampon.AsMemory(0, demande), ct).ConfigureAwait(false);
            if (lus == 0)
            {
                return taille;
            }

            taille += lus;
            if (taille > tailleMaximale)
            {
                return taille;
            }

            await destination.WriteAsync(tampon.AsMemory(0, lus), ct).ConfigureAwait(false);
        }
    }

    private static async Task<string?> ControlerPdfAsync(Stream pdf, CancellationToken ct)
    {
        // First the raw bytes: catches active content in objects a repairing reader would find but the cross-reference
        // table does not list. It may refuse a harmless PDF that merely contains one of these names, which is the safe side.
        var nom = await ChercherNomInterditAsync(pdf, ct).ConfigureAwait(false);
        if (nom is null)
        {
            pdf.Position = 0;
            try
            {
                // Lenient parsing stays on: scanners often write slightly wrong offsets that every viewer repairs, and
                // the office must be able to read what passes, not the candidate to fix what a viewer shows fine.
                using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
                if (document.NumberOfPages < 1)
                {
                    return "Ce PDF est illisible ou endommagé : il ne contient aucune page.";
                }

                // Then every object through the parser: sees names inside compressed object streams and names written
                // with #xx escapes, which the byte scan cannot.
                nom = ChercherNomInterdit(document, ct);
            }
            catch (PdfDocumentEncryptedException)
            {
                return "Ce PDF est illisible ou endommagé : il est protégé par un mot de passe. Déposez une version sans mot de passe.";
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return "Ce PDF est illisible ou endommagé : sa structure n'a pas pu être lue. Enregistrez-le de nouveau en PDF puis déposez-le.";
            }
        }

        return nom is null ? null : $"Ce PDF contient {NomsInterdits[nom]}, {ConseilPdfActif}";
    }

    private static string? ChercherNomInterdit(PdfDocument document, CancellationToken ct)
    {
        var aVoir = new Stack<IToken>();
        foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            ct.ThrowIfCancellationRequested();
            aVoir.Push(document.Structure.GetObject(reference));
            while (aVoir.TryPop(out var jeton))
            {
                switch (jeton)
                {
                    case NameToken n when NomsInterdits.ContainsKey(n.Data):
                        return n.Data;
                    case ObjectToken o:
                        aVoir.Push(o.Data);
                        break;
                    case StreamToken s:
                        aVoir.Push(s.StreamDictionary);
                        break;
                    case ArrayToken a:
                        foreach (var element in a.Data)
                        {
                            aVoir.Push(element);
                        }

                        break;
                    case DictionaryToken d:
                        foreach (var (cle, valeur) in d.Data)
                        {
                            if (NomsInterdits.ContainsKey(cle))
                            {
                                return cle;
                            }

                            aVoir.Push(valeur);
                        }

                        break;
                    default:
                        break;
                }
            }
        }

        return null;
    }

    /// <summary>Scans the file block by block for "/Name" followed by a PDF delimiter, keeping a tail so no token straddling two blocks is missed.</summary>
    private static async Task<string?> ChercherNomInterditAsync(Stream pdf, CancellationToken ct)
    {
        var recouvrement = NomsInterditsOctets.Max(n => n.Jeton.Length);
        var tampon = new byte[TailleBloc + recouvrement];
        var conserves = 0;
        pdf.Position = 0;
        while (true)
        {
            var lus = await pdf.ReadAtLeastAsync(tampon.AsMemory(conserves), tampon.Length - conserves, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            var fin = conserves + lus;
            var derniers = fin < tampon.Length;
            var nom = ChercherDans(tampon.AsSpan(0, fin), derniers);
            if (nom is not null || derniers)
            {
                return nom;
            }

            // A name starting in the kept tail may end in the next block; any earlier one has its delimiter in view.
            tampon.AsSpan(fin - recouvrement, recouvrement).CopyTo(tampon);
            conserves = recouvrement;
        }
    }

    private static string? ChercherDans(ReadOnlySpan<byte> octets, bool finDuFichier)
    {
        foreach (var (nom, motif) in NomsInterditsOctets)
        {
            var debut = 0;
            while (debut < octets.Length)
            {
                var trouve = octets[debut..].IndexOf(motif);
                if (trouve < 0)
                {
                    break;
                }

                var apres = debut + trouve + motif.Length;
                if (apres < octets.Length ? EstDelimiteurPdf(octets[apres]) : finDuFichier)
                {
                    return nom;
                }

                debut += trouve + 1;
            }
        }

        return null;
    }

    private static bool EstDelimiteurPdf(byte b) =>
        b is 0 or 9 or 10 or 12 or 13 or 32 or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static string? ControlerDimensions(string format, (long Largeur, long Hauteur)? dimensions, long pixelsMaximum)
    {
        if (dimensions is not var (largeur, hauteur))
        {
            return $"Cette image {format} est endommagée : son en-tête n'indique pas de dimensions valides.";
        }

        if (largeur * hauteur > pixelsMaximum)
        {
            return string.Create(Francais,
                $"Cette image est trop grande : {largeur:N0} × {hauteur:N0} pixels, au-delà de la limite de {pixelsMaximum / 1_000_000.0:0.##} millions de pixels. Réduisez sa définition puis déposez-la de nouveau.");
        }

        return null;
    }

    /// <summary>Width and height from the IHDR chunk, which the PNG specification requires to come first.</summary>
    private static async Task<(long, long)?> LireDimensionsPngAsync(Stream png, CancellationToken ct)
    {
        var entete = new byte[SignaturePng.Length + 8 + 13];
        png.Position = 0;
        if (await png.ReadAtLeastAsync(entete, entete.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false) < entete.Length)
        {
            return null;
        }

        var ihdr = entete.AsSpan(SignaturePng.Length);
        if (BinaryPrimitives.ReadUInt32BigEndian(ihdr) != 13 || !ihdr[4..8].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var largeur = BinaryPrimitives.ReadUInt32BigEndian(ihdr[8..]);
        var hauteur = BinaryPrimitives.ReadUInt32BigEndian(ihdr[12..]);
        var profondeur = ihdr[16];
        var couleurs = ihdr[17];
        var valide = largeur is > 0 and <= int.MaxValue && hauteur is > 0 and <= int.MaxValue
            && profondeur is 1 or 2 or 4 or 8 or 16 && couleurs is 0 or 2 or 3 or 4 or 6;
        return valide ? (largeur, hauteur) : null;
    }

    /// <summary>Walks the JPEG segments up to the first start-of-frame marker, which holds the dimensions.</summary>
    private static async Task<(long, long)?> LireDimensionsJpegAsync(Stream jpeg, CancellationToken ct)
    {
        var octets = new byte[7];
        jpeg.Position = 2;
        try
        {
            while (true)
            {
                await jpeg.ReadExactlyAsync(octets.AsMemory(0, 2), ct).ConfigureAwait(false);
                if (octets[0] != 0xFF)
                {
                    return null;
                }

                var marqueur = octets[1];
                while (marqueur == 0xFF)
                {
                    // Fill bytes may pad a marker.
                    await jpeg.ReadExactlyAsync(octets.AsMemory(1, 1), ct).ConfigureAwait(false);
                    marqueur = octets[1];
                }

                if (marqueur is 0x01 or (>= 0xD0 and <= 0xD8))
                {
                    continue; // markers without a length
                }

                if (marqueur is 0xD9 or 0xDA)
                {
                    return null; // end of image or start of scan before any frame header
                }

                await jpeg.ReadExactlyAsync(octets.AsMemory(0, 2), ct).ConfigureAwait(false);
                var longueur = BinaryPrimitives.ReadUInt16BigEndian(octets);
                if (longueur < 2)
                {
                    return null;
                }

                // SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC) which share the range.
                if (marqueur is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    if (longueur < 8)
                    {
                        return null;
                    }

                    await jpeg.ReadExactlyAsync(octets.AsMemory(0, 5), ct).ConfigureAwait(false);
                    var hauteur = BinaryPrimitives.ReadUInt16BigEndian(octets.AsSpan(1));
                    var largeur = BinaryPrimitives.ReadUInt16BigEndian(octets.AsSpan(3));
                    return largeur > 0 && hauteur > 0 ? (largeur, hauteur) : null;
                }

                if (jpeg.Position + longueur - 2 > jpeg.Length)
                {
                    return null;
                }

                jpeg.Position += longueur - 2;
            }
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }
}
