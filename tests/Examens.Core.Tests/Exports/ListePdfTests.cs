using System.Globalization;
using System.Text;
using Examens.Core.Exports;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace Examens.Core.Tests.Exports;

public sealed class ListePdfTests
{
    private static ListeInscriptions Liste(int nombre, TypeListe type = TypeListe.Specialite) => new(
        type, "BTS session 2024", "SIEC", "SIEC – Créteil, Paris, Versailles", "Europe/Paris", new DateTime(2023, 11, 15, 17, 30, 0),
        [.. Enumerable.Range(1, nombre).Select(i => new LigneListe(
            i <= nombre / 2 ? "MS" : "NDRC",
            string.Create(CultureInfo.InvariantCulture, $"BTS2024-SIEC-{i:00000000}"),
            i == 1 ? "Lefèvre-Çağlar" : string.Create(CultureInfo.InvariantCulture, $"Nom{i:000}"),
            "Élodie Marie", new DateOnly(2000, 2, 29), i <= nombre / 2 ? "MS" : "NDRC", i <= nombre / 2 ? "A" : null, "globale", "anglais", "arabe, espagnol",
            new DateTime(2023, 11, 14, 9, 5, 0)))]);

    private static List<string> Pages(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    [Fact]
    public void A_long_list_repeats_the_table_header_on_every_page_and_numbers_the_pages()
    {
        var pdf = ListePdf.Generer(Liste(120));
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var pages = Pages(pdf);
        Assert.True(pages.Count >= 4, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.True(pages[i].Contains("Numéro Nom Prénoms Né(e) le Spécialité Option Forme", StringComparison.Ordinal), pages[i][..600]);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"page {i + 1}/{pages.Count}"), pages[i], StringComparison.Ordinal);
        }

        Assert.Contains("Inscriptions par spécialité – SIEC – Créteil, Paris, Versailles", pages[0], StringComparison.Ordinal);
        Assert.Contains("Générée le 15 novembre 2023 à 17:30 (heure de Europe/Paris) – 120 inscriptions soumise(s)", pages[0], StringComparison.Ordinal);
        Assert.Contains("Spécialité : MS (60 inscriptions)", pages[0], StringComparison.Ordinal);
        Assert.Contains("Spécialité : MS (60 inscriptions) (suite)", pages[1], StringComparison.Ordinal);
        Assert.Contains("Lefèvre-Çağlar", pages[0], StringComparison.Ordinal);
        // Every registration once, its number whole on one line.
        var texte = string.Join(' ', pages);
        for (var i = 1; i <= 120; i++)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"BTS2024-SIEC-{i:00000000}"), texte, StringComparison.Ordinal);
        }

        Assert.Contains("29/02/2000", texte, StringComparison.Ordinal);
        Assert.Contains("14/11/2023 09:05", texte, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BTS2024-SIEC-TU8B6WVD")]
    [InlineData("BTS2024-SIEC-WWWWWWWW")]
    [InlineData("BTS2024-NANCY-METZ-MWMWMWMW")]
    public void A_number_of_wide_letters_stays_whole_on_one_line(string numero)
    {
        var liste = Liste(3);
        liste = liste with { Lignes = [liste.Lignes[0] with { Numero = numero, Forme = "progressive" }, .. liste.Lignes.Skip(1)] };
        var mots = Pages(ListePdf.Generer(liste))[0].Split(' ');
        Assert.Contains(numero, mots);
        Assert.Contains("Lefèvre-Çağlar", mots);
        Assert.Contains("progressive", mots);
        Assert.Contains("29/02/2000", mots);
        Assert.Contains("facultatives", mots);
    }

    [Fact]
    public void An_empty_list_says_so()
    {
        var pages = Pages(ListePdf.Generer(Liste(0, TypeListe.Forme)));
        Assert.Single(pages);
        Assert.Contains("Inscriptions par forme de passage", pages[0], StringComparison.Ordinal);
        Assert.Contains("Aucune inscription soumise dans cette académie.", pages[0], StringComparison.Ordinal);
        Assert.Contains("page 1/1", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_has_the_group_first_french_dates_and_a_bom()
    {
        var csv = ListeCsv.Ecrire(Liste(2, TypeListe.Option));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lignes = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n");
        Assert.Equal("Spécialité et option;Numéro;Nom;Prénoms;Date de naissance;Spécialité;Option;Forme de passage;Langue obligatoire;Langues facultatives;Soumise le (heure locale)", lignes[0]);
        Assert.Equal("MS;BTS2024-SIEC-00000001;Lefèvre-Çağlar;Élodie Marie;29/02/2000;MS;A;globale;anglais;arabe, espagnol;14/11/2023 09:05", lignes[1]);
        Assert.Equal(4, lignes.Length);
        Assert.Equal("", lignes[3]);
    }
}
