using Examens.Core.Documents.Journal;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace Examens.Core.Tests.Documents.Journal;

public sealed class JournalDossierPdfTests
{
    private static string Texte(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return string.Join(' ', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public void The_trail_reads_back_with_its_accents_every_entry_and_reason()
    {
        var lignes = Enumerable.Range(1, 60).Select(n => new JournalDossierPdf.Ligne(
            $"mercredi 15 novembre 2023 à 16:{n % 60:00}:00", "agent@exemple.fr", "Pièce examinée",
            $"D2 « carte-{n}.pdf » : reçue", $"D2 « carte-{n}.pdf » : refusée", "Illisible : photo floue", "203.0.113.7")).ToList();

        var pdf = JournalDossierPdf.Generer("BTS2024-SIEC-ABCD2345", "BTS session 2024 – SIEC – heures locales (Europe/Paris)", "Édité le jeudi 16 novembre 2023", lignes);

        using var document = PdfPigDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 1, "Soixante entrées tiennent sur plusieurs pages, sans débordement.");
        var texte = Texte(pdf);
        Assert.Contains("Journal du dossier BTS2024-SIEC-ABCD2345", texte, StringComparison.Ordinal);
        Assert.Contains("Édité le jeudi 16 novembre 2023", texte, StringComparison.Ordinal);
        Assert.Contains("Pièce examinée", texte, StringComparison.Ordinal);
        Assert.Contains("Avant : D2 « carte-60.pdf » : reçue", texte, StringComparison.Ordinal);
        Assert.Contains("Après : D2 « carte-60.pdf » : refusée", texte, StringComparison.Ordinal);
        Assert.Contains("Motif : Illisible : photo floue", texte, StringComparison.Ordinal);
        Assert.Contains("Par : agent@exemple.fr – adresse 203.0.113.7", texte, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_trail_says_so()
    {
        var texte = Texte(JournalDossierPdf.Generer("BTS2024-SIEC-ABCD2345", "titre", "édition", []));
        Assert.Contains("Aucune entrée.", texte, StringComparison.Ordinal);
    }
}
