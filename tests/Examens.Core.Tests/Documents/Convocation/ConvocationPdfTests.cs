using Examens.Core.Documents.Convocation;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace Examens.Core.Tests.Documents.Convocation;

public class ConvocationPdfTests
{
    private static DonneesConvocation Donnees(bool arabe) => new()
    {
        Session = "BTS session 2024",
        Academie = "SIEC (Créteil, Paris, Versailles)",
        Fuseau = "Europe/Paris",
        NumeroCandidat = "2024-SIEC-000042",
        Nom = "Lefèvre-Çağlar",
        Prenoms = "Élodie Marie",
        DateNaissance = new DateOnly(2000, 2, 29),
        LieuNaissance = "Fort-de-France",
        Specialite = "MS – Maintenance des systèmes",
        Option = "A – Systèmes de production",
        Centre = "Lycée Arago",
        AdresseCentre = "4 place de la Nation\n75012 Paris",
        Epreuves =
        [
            new("U32", "Physique et chimie", false, new DateOnly(2024, 5, 14), new TimeOnly(14, 0), 120),
            new("U2", "Langue vivante étrangère 1 : anglais", false, new DateOnly(2024, 5, 13), new TimeOnly(9, 0), 90),
            .. arabe ? [new EpreuveConvoquee("UF1", "Langue vivante facultative : arabe (arabe littéral)", true, new DateOnly(2024, 5, 15), new TimeOnly(9, 30), 20)] : Array.Empty<EpreuveConvoquee>(),
        ],
        ArabeLitteral = arabe,
        DateResultats = new DateOnly(2024, 7, 5),
        HeureResultats = new TimeOnly(10, 0),
        LieuxResultats = "En ligne sur le site du SIEC (OCEAN)\nAffichage au SIEC, Arcueil",
    };

    private static string[] Pages(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    [Fact]
    public void R69_the_recto_shows_identity_centre_and_each_unit_with_date_time_and_duration_in_date_order()
    {
        var pages = Pages(ConvocationPdf.Generer(Donnees(arabe: false)));
        var recto = pages[0];
        Assert.Contains("Candidat n° 2024-SIEC-000042", recto, StringComparison.Ordinal);
        Assert.Contains("Lefèvre-Çağlar Élodie Marie", recto, StringComparison.Ordinal);
        Assert.Contains("Lycée Arago 4 place de la Nation 75012 Paris", recto, StringComparison.Ordinal);
        Assert.Contains("le lundi 13 mai 2024 à 09:00, durée 1 h 30", recto, StringComparison.Ordinal);
        Assert.Contains("le mardi 14 mai 2024 à 14:00, durée 2 h", recto, StringComparison.Ordinal);
        Assert.True(recto.IndexOf("U2 –", StringComparison.Ordinal) < recto.IndexOf("U32 –", StringComparison.Ordinal));
        Assert.DoesNotContain("arabe littéral", string.Join(' ', pages), StringComparison.Ordinal);
    }

    [Fact]
    public void R34_P19_optional_Arabic_is_printed_arabe_litteral_with_the_rule()
    {
        var recto = Pages(ConvocationPdf.Generer(Donnees(arabe: true)))[0];
        Assert.Contains("UF1 – Langue vivante facultative : arabe (arabe littéral) (facultative)", recto, StringComparison.Ordinal);
        Assert.Contains("le mercredi 15 mai 2024 à 09:30, durée 20 min", recto, StringComparison.Ordinal);
        Assert.Contains("L'épreuve facultative d'arabe se passe en arabe littéral ; aucune forme d'arabe dialectal n'est autorisée", recto, StringComparison.Ordinal);
    }

    [Fact]
    public void R62_R69_the_back_page_gives_the_results_date_and_places_and_no_results_by_phone()
    {
        var pages = Pages(ConvocationPdf.Generer(Donnees(arabe: false)));
        Assert.Equal(2, pages.Length);
        var verso = pages[^1];
        Assert.Contains("Les résultats sont publiés le vendredi 5 juillet 2024 à 10:00 (heure locale, Europe/Paris).", verso, StringComparison.Ordinal);
        Assert.Contains("• En ligne sur le site du SIEC (OCEAN)", verso, StringComparison.Ordinal);
        Assert.Contains("• Affichage au SIEC, Arcueil", verso, StringComparison.Ordinal);
        Assert.Contains("Aucun résultat n'est donné par téléphone.", verso, StringComparison.Ordinal);
        Assert.DoesNotContain("résultats sont publiés", pages[0], StringComparison.Ordinal);
    }
}
