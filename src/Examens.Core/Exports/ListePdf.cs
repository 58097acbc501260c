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

    private static readonly (string Titre, double Largeur)[] Colonnes =
    [
        // Landscape A4 less the margins: 758 points. The number (BTS2024-SIEC-XXXXXXXX) must fit on one line.
        ("Numéro", 124), ("Nom", 92), ("Prénoms", 92), ("Né(e) le", 60), ("Spécialité", 60), ("Option", 42), ("Forme", 55),
        ("Langue obligatoire", 70), ("Langues facultatives", 83), ("Soumise le", 80),
    ];

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

            foreach (var groupe in liste.Lignes.GroupBy(l => l.Groupe, StringComparer.Ordinal))
            {
                Groupe(mp, liste.Type, groupe.Key, [.. groupe]);
            }

            mp.PiedsDePage($"{liste.Titre} – {liste.Session}");
        }

        using var flux = new MemoryStream();
        document.Save(flux, false);
        return flux.ToArray();
    }

    private static string Compter(int n) => string.Create(Fr, $"{n} inscription{(n > 1 ? "s" : "")}");

    private static void Groupe(MiseEnPage mp, TypeListe type, string groupe, List<LigneListe> lignes)
    {
        var titre = $"{TypesListe.Colonne(type)} : {groupe} ({Compter(lignes.Count)})";
        // A group's heading never ends a page: it keeps its table header and first row.
        mp.AssurerPlace(MiseEnPage.Interligne(mp.Intertitre) + (4 * HauteurLigne(mp, 1)));
        mp.Y += 6;
        mp.Paragraphe(titre, mp.Intertitre);
        mp.Y += 2;
        Entete(mp);
        foreach (var ligne in lignes)
        {
            var cellules = Cellules(ligne).Select((t, k) => mp.Couper(t, mp.Normal, Colonnes[k].Largeur - (2 * MargeCellule))).ToList();
            var hauteur = HauteurLigne(mp, cellules.Max(c => c.Count));
            if (mp.AssurerPlace(hauteur))
            {
                // The header again at the top of the new page, with the group it continues.
                mp.Paragraphe($"{titre} (suite)", mp.Gras, mp.Gris);
                mp.Y += 2;
                Entete(mp);
            }

            Rangee(mp, cellules, hauteur, mp.Normal, null);
        }
    }

    private static string[] Cellules(LigneListe l) =>
    [
        l.Numero, l.Nom, l.Prenoms, l.DateNaissance?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "", l.Specialite, l.Option ?? "",
        l.Forme, l.LangueObligatoire, l.LanguesFacultatives, l.SoumiseLeLocale.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
    ];

    private static double HauteurLigne(MiseEnPage mp, int lignes) => (lignes * MiseEnPage.Interligne(mp.Normal)) + (2 * MargeCellule);

    private static void Entete(MiseEnPage mp)
    {
        var cellules = Colonnes.Select(c => mp.Couper(c.Titre, mp.Gras, c.Largeur - (2 * MargeCellule))).ToList();
        Rangee(mp, cellules, (cellules.Max(c => c.Count) * MiseEnPage.Interligne(mp.Gras)) + (2 * MargeCellule), mp.Gras, mp.FondClair);
    }

    private static void Rangee(MiseEnPage mp, List<List<string>> cellules, double hauteur, XFont police, XBrush? fond)
    {
        var x = MiseEnPage.Gauche;
        for (var k = 0; k < Colonnes.Length; k++)
        {
            var largeur = Colonnes[k].Largeur;
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
