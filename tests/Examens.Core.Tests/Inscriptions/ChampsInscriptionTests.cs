using Examens.Core.Inscriptions;
using Examens.Domain.Regles;

namespace Examens.Core.Tests.Inscriptions;

public sealed class ChampsInscriptionTests
{
    private static readonly DonneesInscription Avant = new()
    {
        Adresse = "12 rue des Écoles", CodePostal = "75005", Ville = "Paris", Specialite = "MS", Option = "A", Forme = FormePassage.Globale,
        FormeConfirmee = true, LangueObligatoire = "anglais", LanguesFacultatives = ["arabe"],
    };

    [Fact]
    public void Only_the_changed_fields_are_written_before_and_after()
    {
        var apres = Avant with { Option = "B", LanguesFacultatives = [] };

        var (avant, apresTexte) = ChampsInscription.Changements(ChampsInscription.Lister(Avant), ChampsInscription.Lister(apres));

        Assert.Equal("Option : A\nLangues facultatives : arabe", avant);
        Assert.Equal("Option : B\nLangues facultatives : ", apresTexte);
    }

    [Fact]
    public void No_change_gives_nothing_and_the_comparison_marks_every_field_unchanged()
    {
        Assert.Equal((null, null), ChampsInscription.Changements(ChampsInscription.Lister(Avant), ChampsInscription.Lister(Avant with { })));
        var comparaison = ChampsInscription.Comparer(ChampsInscription.Lister(Avant), ChampsInscription.Lister(Avant));
        Assert.All(comparaison, d => Assert.False(d.Change));
        Assert.Contains(comparaison, d => d.Libelle == "Forme de passage" && d.Apres == "Globale (confirmée)");
    }
}
