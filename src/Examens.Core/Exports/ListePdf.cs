using System.Globalization;
using Examens.Core.Documents.Confirmation;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Examens.Core.Exports;

/// <summary>
/// A list as a landscape PDF with the embedded DejaVu fonts: title, academy, generation instant in the academy's zone,
/// then one table per group whose header is drawn again at the top of every page, and "page x/y" under each page.
/// </summary>
public static class ListePdf
{
    private const double MargeCellule = 3;

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly string[] Titres =
        ["Numéro", "Nom", "Prénoms", "Né(e) le", "Spécialité", "Option", "Forme", "Langue obligatoire", "Langues facultatives", "Soumise le"];

    // How the width left once every column holds its widest word is shared: mostly the names, then the languages.
    private static readonly double[] Poids = [0, 3, 3, 0, 0, 0, 0, 1, 2, 1];

    public static byte[] Generer(ListeInscriptions liste)
    {
        ArgumentNullException.ThrowIfNull(liste);
        using var document = new PdfDocument();
        document.Info.Title = liste.Titre;
        document.Info.Author = "Examens";
        document.Info.Subject = liste.Session;
        using (var mp = new MiseEnPage(document, paysage: true))
        {
            mp.Paragraphe(liste.Titre, mp.Titre);
            mp.Y += 2;
            mp.Paragraphe(liste.Session, mp.SousTitre, mp.Gris);
            mp.Paragraphe(string.Create(Fr, $"Générée le {liste.GenereeLeLocale.ToString("d MMMM yyyy 'à' HH:mm", Fr)} (heure de {liste.Fuseau}) – "
                + $"{Compter(liste.Lignes.Select(l => l.Numero).Distinct(StringComparer.Ordinal).Count())} soumise(s)"), mp.SousTitre, mp.Gris);
            mp.Y += 8;
            if (liste.Lignes.Count == 0)
            {
                mp.Paragraphe("Aucune inscription soumise dans cette académie.", mp.Normal);
            }

            var colonnes = Colonnes(mp, liste);
            foreach (var groupe in liste.Lignes.GroupBy(l => l.Groupe, StringComparer.Ordinal))
            {
                Groupe(mp, colonnes, liste.Type, groupe.Key, [.. groupe]);
            }

            mp.PiedsDePage($"{liste.Titre} – {liste.Session}");
        }

        using var flux = new MemoryStream();
        document.Save(flux, false);
        return flux.ToArray();
    }

    private static string Compter(int n) => string.Create(Fr, $"{n} inscription{(n > 1 ? "s" : "")}");

    /// <summary>
    /// Widths on a landscape A4 (758 points inside the margins): each column first gets its widest word (header or
    /// cell), so no number, date, code or word is ever cut between letters (letters vary in width, academy codes in
    /// length); what is left goes mostly to the names, where lines may wrap between words.
    /// </summary>
    private static double[] Colonnes(MiseEnPage mp, ListeInscriptions liste)
    {
        var cellules = liste.Lignes.Select(Cellules).ToList();
        var minimum = Titres.Select((t, k) => Math.Max(MotLePlusLarge(mp, t, mp.Gras), cellules.Select(c => MotLePlusLarge(mp, c[k], mp.Normal)).DefaultIfEmpty(0).Max())
            + (2 * MargeCellule) + 1).ToArray();
        var reste = mp.Largeur - minimum.Sum();
        if (reste <= 0)
        {
            // Beyond any real data (a 60-letter word): shrink evenly, words are then cut between letters.
            return [.. minimum.Select(m => m * mp.Largeur / minimum.Sum())];
        }

        return [.. minimum.Select((m, k) => m + (reste * Poids[k] / Poids.Sum()))];
    }

    private static double MotLePlusLarge(MiseEnPage mp, string texte, XFont police) =>
        texte.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(mot => mp.Mesurer(mot, police)).DefaultIfEmpty(0).Max();

    private static void Groupe(MiseEnPage mp, double[] colonnes, TypeListe type, string groupe, List<LigneListe> lignes)
    {
        var titre = $"{TypesListe.Colonne(type)} : {groupe} ({Compter(lignes.Count)})";
        // A group's heading never ends a page: it keeps its table header and first row.
        mp.AssurerPlace(MiseEnPage.Interligne(mp.Intertitre) + (4 * HauteurLigne(mp, 1)));
        mp.Y += 6;
        mp.Paragraphe(titre, mp.Intertitre);
        mp.Y += 2;
        Entete(mp, colonnes);
        foreach (var ligne in lignes)
        {
            var cellules = Cellules(ligne).Select((t, k) => mp.Couper(t, mp.Normal, colonnes[k] - (2 * MargeCellule))).ToList();
            var hauteur = HauteurLigne(mp, cellules.Max(c => c.Count));
            if (mp.AssurerPlace(hauteur))
            {
                // The header again at the top of the new page, with the group it continues.
                mp.Paragraphe($"{titre} (suite)", mp.Gras, mp.Gris);
                mp.Y += 2;
                Entete(mp, colonnes);
            }

            Rangee(mp, colonnes, cellules, hauteur, mp.Normal, null);
        }
    }

    private static string[] Cellules(LigneListe l) =>
    [
        l.Numero, l.Nom, l.Prenoms, l.DateNaissance?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "", l.Specialite, l.Option ?? "",
        l.Forme, l.LangueObligatoire, l.LanguesFacultatives, l.SoumiseLeLocale.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
    ];

    private static double HauteurLigne(MiseEnPage mp, int lignes) => (lignes * MiseEnPage.Interligne(mp.Normal)) + (2 * MargeCellule);

    private static void Entete(MiseEnPage mp, double[] colonnes)
    {
        var cellules = Titres.Select((t, k) => mp.Couper(t, mp.Gras, colonnes[k] - (2 * MargeCellule))).ToList();
        Rangee(mp, colonnes, cellules, (cellules.Max(c => c.Count) * MiseEnPage.Interligne(mp.Gras)) + (2 * MargeCellule), mp.Gras, mp.FondClair);
    }

    private static void Rangee(MiseEnPage mp, double[] colonnes, List<List<string>> cellules, double hauteur, XFont police, XBrush? fond)
    {
        var x = MiseEnPage.Gauche;
        for (var k = 0; k < colonnes.Length; k++)
        {
            var largeur = colonnes[k];
            if (fond is null)
            {
                mp.Graphique.DrawRectangle(mp.Trait, x, mp.Y, largeur, hauteur);
            }
            else
            {
                mp.Graphique.DrawRectangle(mp.Trait, fond, x, mp.Y, largeur, hauteur);
            }

            var y = mp.Y + MargeCellule;
            foreach (var texte in cellules[k])
            {
                mp.Graphique.DrawString(texte, police, mp.Encre, x + MargeCellule, y, XStringFormats.TopLeft);
                y += MiseEnPage.Interligne(police);
            }

            x += largeur;
        }

        mp.Y += hauteur;
    }
}
