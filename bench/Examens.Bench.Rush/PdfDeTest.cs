using System.Net;
using System.Net.Http.Headers;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Examens.Bench.Rush;

/// <summary>
/// The uploaded document: a real one-page PDF of about 200 KB, its size made by an uncompressed drawing (grey
/// squares) rather than by attachments or scripts, which the portal's checks refuse. No text, so no font is needed.
/// </summary>
internal static class PdfDeTest
{
    public const int TailleVisee = 200 * 1024;

    public static byte[] Creer()
    {
        // Bytes per square are stable: measure once, then draw the number that reaches the size.
        var essai = Dessiner(1000);
        var parCarre = (essai.Length - Dessiner(0).Length) / 1000.0;
        var carres = (int)Math.Ceiling((TailleVisee - Dessiner(0).Length) / parCarre);
        var pdf = Dessiner(carres);
        while (pdf.Length < TailleVisee)
        {
            carres += 20;
            pdf = Dessiner(carres);
        }

        return pdf;
    }

    private static byte[] Dessiner(int carres)
    {
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = false;
        document.Options.NoCompression = true;
        document.Info.Title = "Pièce d'identité (banc de charge)";
        var page = document.AddPage();
        using (var g = XGraphics.FromPdfPage(page))
        {
            var parLigne = 40;
            var cote = page.Width.Point / parLigne;
            for (var i = 0; i < carres; i++)
            {
                var gris = (byte)(i * 37 % 256);
                var x = i % parLigne * cote;
                var y = i / parLigne % 56 * cote;
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(gris, gris, gris)), x, y, cote, cote);
            }
        }

        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }
}

/// <summary>
/// The PDF plus a comment line after its end that makes each upload's bytes unique, as real uploads are (the store
/// keeps one file per content hash: identical uploads would be stored once). Written without copying the PDF.
/// </summary>
internal sealed class ContenuPdf : HttpContent
{
    private readonly byte[] _pdf;
    private readonly byte[] _suffixe;

    public ContenuPdf(byte[] pdf, string marque)
    {
        _pdf = pdf;
        _suffixe = System.Text.Encoding.ASCII.GetBytes($"\n%{marque}\n");
        Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_pdf).ConfigureAwait(false);
        await stream.WriteAsync(_suffixe).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _pdf.Length + _suffixe.Length;
        return true;
    }
}
