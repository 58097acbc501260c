using System.Globalization;
using System.Text;
using PdfSharp.Pdf;

namespace Examens.Core.Tests.Documents;

/// <summary>Real PDFs: made by PDFsharp, or written by hand when the test needs a structure PDFsharp will not write.</summary>
internal static class PdfDeTest
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>A one-page blank PDF, optionally altered before saving.</summary>
    public static byte[] Blanc(Action<PdfDocument>? modifier = null)
    {
        using var document = new PdfDocument();
        document.AddPage();
        modifier?.Invoke(document);
        using var sortie = new MemoryStream();
        document.Save(sortie, closeStream: false);
        return sortie.ToArray();
    }

    /// <summary>Sets the catalogue's /OpenAction to the given action dictionary.</summary>
    public static void ActionOuverture(PdfDocument document, params (string Cle, PdfItem Valeur)[] entrees)
    {
        var action = new PdfDictionary(document);
        foreach (var (cle, valeur) in entrees)
        {
            action.Elements[cle] = valeur;
        }

        document.Internals.Catalog.Elements["/OpenAction"] = action;
    }

    /// <summary>A classic PDF with a cross-reference table; object n is <c>objets[n - 1]</c>, object 1 the catalogue.</summary>
    public static byte[] Brut(params string[] objets)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var positions = new List<int>();
        for (var i = 0; i < objets.Length; i++)
        {
            positions.Add(Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objets[i]}\nendobj\n");
        }

        var xref = Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objets.Length + 1}\n0000000000 65535 f \n");
        foreach (var p in positions)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{p:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objets.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>
    /// A PDF 1.5 whose catalogue sits, compressed, inside an object stream indexed by a cross-reference stream: none of
    /// the catalogue's names appear in the raw bytes.
    /// </summary>
    public static byte[] CatalogueCompresse(string catalogue)
    {
        using var pdf = new MemoryStream();
        var positions = new long[6];
        void Ecrire(string texte) => pdf.Write(Latin1.GetBytes(texte));

        Ecrire("%PDF-1.5\n");
        positions[2] = pdf.Position;
        Ecrire("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        positions[3] = pdf.Position;
        Ecrire("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");

        var entete = "1 0 ";
        var flux = ImagesDeTest.Compresser(Latin1.GetBytes(entete + catalogue));
        positions[4] = pdf.Position;
        Ecrire(string.Create(CultureInfo.InvariantCulture, $"4 0 obj\n<< /Type /ObjStm /N 1 /First {entete.Length} /Filter /FlateDecode /Length {flux.Length} >>\nstream\n"));
        pdf.Write(flux);
        Ecrire("\nendstream\nendobj\n");

        positions[5] = pdf.Position;
        var entrees = new MemoryStream();
        void Entree(byte type, long champ2, int champ3)
        {
            entrees.Write([type, (byte)(champ2 >> 24), (byte)(champ2 >> 16), (byte)(champ2 >> 8), (byte)champ2, (byte)(champ3 >> 8), (byte)champ3]);
        }

        Entree(0, 0, 0xFFFF);
        Entree(2, 4, 0); // object 1: index 0 in object stream 4
        for (var n = 2; n <= 5; n++)
        {
            Entree(1, positions[n], 0);
        }

        Ecrire(string.Create(CultureInfo.InvariantCulture, $"5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length {entrees.Length} >>\nstream\n"));
        pdf.Write(entrees.ToArray());
        Ecrire(string.Create(CultureInfo.InvariantCulture, $"\nendstream\nendobj\nstartxref\n{positions[5]}\n%%EOF\n"));
        return pdf.ToArray();
    }
}
