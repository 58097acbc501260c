using System.Globalization;
using Examens.Core.Documents.Polices;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Examens.Core.Documents.Confirmation;

/// <summary>
/// A top-to-bottom cursor over A4 pages: wraps text to a width and starts a new page when the next block would run
/// into the footer, so nothing is ever drawn past the margins.
/// </summary>
internal sealed class MiseEnPage : IDisposable
{
    public const double Marge = 42;
    private const double HauteurPied = 22;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly PdfDocument document;
    private readonly PageOrientation orientation;
    private PdfPage page;
    private XGraphics gfx;
    private bool termine;

    /// <param name="paysage">Landscape pages, for wide tables (the lists of registrations).</param>
    public MiseEnPage(PdfDocument document, bool paysage = false)
    {
        // Fonts need the resolver: installed before the first XFont of the process.
        ResolveurPolices.Installer();
        Normal = Police(9, gras: false);
        Gras = Police(9, gras: true);
        Petit = Police(7.5, gras: false);
        Intertitre = Police(11, gras: true);
        Titre = Police(16, gras: true);
        SousTitre = Police(10.5, gras: false);
        this.document = document;
        orientation = paysage ? PageOrientation.Landscape : PageOrientation.Portrait;
        (page, gfx) = AjouterPage();
    }

    public XFont Normal { get; }
    public XFont Gras { get; }
    public XFont Petit { get; }
    public XFont Intertitre { get; }
    public XFont Titre { get; }
    public XFont SousTitre { get; }

    public XSolidBrush Encre { get; } = new(XColor.FromArgb(20, 20, 20));
    public XSolidBrush Gris { get; } = new(XColor.FromArgb(90, 90, 90));
    public XSolidBrush FondClair { get; } = new(XColor.FromArgb(238, 241, 245));
    public XSolidBrush FondAlerte { get; } = new(XColor.FromArgb(253, 243, 224));
    public XPen Trait { get; } = new(XColor.FromArgb(150, 150, 150), 0.6);
    public XPen TraitFort { get; } = new(XColor.FromArgb(40, 40, 40), 0.9);

    public XGraphics Graphique => gfx;

    /// <summary>The cursor, from the top of the page, in points.</summary>
    public double Y { get; set; }

    public static double Gauche => Marge;

    public double Largeur => page.Width.Point - (2 * Marge);

    public double Bas => page.Height.Point - Marge - HauteurPied;

    public static double Interligne(XFont police) => police.Size * 1.28;

    public void NouvellePage()
    {
        gfx.Dispose();
        (page, gfx) = AjouterPage();
    }

    /// <summary>Starts a new page unless <paramref name="hauteur"/> points still fit; true when it did.</summary>
    public bool AssurerPlace(double hauteur)
    {
        if (Y + hauteur <= Bas)
        {
            return false;
        }

        NouvellePage();
        return true;
    }

    public double Mesurer(string texte, XFont police) => gfx.MeasureString(texte, police).Width;

    /// <summary>Breaks on spaces and on explicit line breaks; a word wider than the line is cut between characters.</summary>
    public List<string> Couper(string texte, XFont police, double largeur)
    {
        var lignes = new List<string>();
        foreach (var paragraphe in texte.ReplaceLineEndings("\n").Split('\n'))
        {
            var courante = "";
            foreach (var mot in paragraphe.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var essai = courante.Length == 0 ? mot : $"{courante} {mot}";
                if (Mesurer(essai, police) <= largeur)
                {
                    courante = essai;
                    continue;
                }

                if (courante.Length > 0)
                {
                    lignes.Add(courante);
                }

                courante = CouperMot(mot, police, largeur, lignes);
            }

            lignes.Add(courante);
        }

        return lignes;
    }

    /// <summary>Draws wrapped text at the cursor, one line at a time so a long paragraph may continue on the next page.</summary>
    public void Paragraphe(string texte, XFont police, XBrush? couleur = null, double retrait = 0)
    {
        var interligne = Interligne(police);
        foreach (var ligne in Couper(texte, police, Largeur - retrait))
        {
            AssurerPlace(interligne);
            gfx.DrawString(ligne, police, couleur ?? Encre, Gauche + retrait, Y, XStringFormats.TopLeft);
            Y += interligne;
        }
    }

    /// <summary>Wrapped lines inside a filled, framed box kept whole on one page.</summary>
    public void Encadre(IReadOnlyList<(string Texte, XFont Police)> contenu, XBrush fond, double marge = 7)
    {
        var lignes = contenu
            .SelectMany(c => Couper(c.Texte, c.Police, Largeur - (2 * marge)).Select(l => (Texte: l, c.Police)))
            .ToList();
        var hauteur = lignes.Sum(l => Interligne(l.Police)) + (2 * marge);
        AssurerPlace(hauteur);
        gfx.DrawRectangle(Trait, fond, Gauche, Y, Largeur, hauteur);
        var y = Y + marge;
        foreach (var (texte, police) in lignes)
        {
            gfx.DrawString(texte, police, Encre, Gauche + marge, y, XStringFormats.TopLeft);
            y += Interligne(police);
        }

        Y += hauteur;
    }

    /// <summary>Closes the drawing and writes "prefix – page X/Y" under every page, now that Y is known.</summary>
    public void PiedsDePage(string prefixe)
    {
        gfx.Dispose();
        termine = true;
        var total = document.PageCount;
        for (var i = 0; i < total; i++)
        {
            var p = document.Pages[i];
            using var g = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            var y = p.Height.Point - Marge - HauteurPied + 8;
            g.DrawLine(Trait, Marge, y, p.Width.Point - Marge, y);
            var texte = string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{prefixe} – page {i + 1}/{total}");
            g.DrawString(texte, Petit, Gris, new XRect(Marge, y + 3, p.Width.Point - (2 * Marge), Interligne(Petit)), XStringFormats.TopCenter);
        }
    }

    public void Dispose()
    {
        if (!termine)
        {
            gfx.Dispose();
        }
    }

    private static XFont Police(double taille, bool gras) =>
        new(ResolveurPolices.Famille, taille, gras ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    private (PdfPage Page, XGraphics Gfx) AjouterPage()
    {
        var nouvelle = document.AddPage();
        nouvelle.Size = PageSize.A4;
        nouvelle.Orientation = orientation;
        Y = Marge;
        return (nouvelle, XGraphics.FromPdfPage(nouvelle));
    }

    private string CouperMot(string mot, XFont police, double largeur, List<string> lignes)
    {
        // Cut between text elements so an accent or a surrogate pair is never split.
        var reste = mot;
        while (Mesurer(reste, police) > largeur)
        {
            var debuts = StringInfo.ParseCombiningCharacters(reste);
            var coupe = debuts.Length > 1 ? debuts[1] : reste.Length;
            for (var k = 2; k < debuts.Length && Mesurer(reste[..debuts[k]], police) <= largeur; k++)
            {
                coupe = debuts[k];
            }

            if (coupe >= reste.Length)
            {
                break;
            }

            lignes.Add(reste[..coupe]);
            reste = reste[coupe..];
        }

        return reste;
    }
}
