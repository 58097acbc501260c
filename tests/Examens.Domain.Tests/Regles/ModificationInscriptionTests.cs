using Examens.Domain.Regles;

namespace Examens.Domain.Tests.Regles;

public class ModificationInscriptionTests
{
    private static readonly FenetreInscription Siec = FenetresDeTest.Siec;

    [Fact]
    public void P22_the_candidate_edits_freely_while_the_window_is_open() =>
        Assert.Null(ModificationInscription.Verifier(Acteur.Candidat, Siec.Fermeture.AddSeconds(-1), Siec, false, null));

    [Fact]
    public void P22_after_the_close_the_candidate_cannot_change_anything()
    {
        var e = ModificationInscription.Verifier(Acteur.Candidat, Siec.Fermeture, Siec, false, null);
        Assert.Equal("WINDOW_CLOSED", e?.Code);
        Assert.Contains("15 novembre 2023 à 17:00:00", e!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void P12_before_the_opening_the_candidate_is_told_when_it_opens()
    {
        var e = ModificationInscription.Verifier(Acteur.Candidat, Siec.Ouverture.AddSeconds(-1), Siec, false, null);
        Assert.Equal("WINDOW_NOT_OPEN", e?.Code);
        Assert.Contains("10 octobre 2023 à 14:00:00", e!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void P22_after_the_close_an_officer_changes_a_registration_only_with_a_reason()
    {
        Assert.Equal("REASON_REQUIRED", ModificationInscription.Verifier(Acteur.Gestionnaire, Siec.Fermeture, Siec, false, " ")?.Code);
        Assert.Null(ModificationInscription.Verifier(Acteur.Gestionnaire, Siec.Fermeture, Siec, false, "Erreur de saisie signalée par courriel"));
    }

    [Theory]
    [InlineData(Acteur.Candidat)]
    [InlineData(Acteur.Gestionnaire)]
    public void P22_R60_after_the_convocations_nobody_changes_anything(Acteur acteur) =>
        Assert.Equal("CONVOCATIONS_PUBLISHED", ModificationInscription.Verifier(acteur, Siec.Fermeture.AddDays(100), Siec, true, "motif")?.Code);
}
