using Examens.Web.Gestion;

namespace Examens.Web.Tests.Gestion;

public sealed class RechercheDossiersTests
{
    [Theory]
    [InlineData("lefevre")]
    [InlineData("LEFÈVRE-ÇAĞLAR")]
    [InlineData("elodie lefevre")]
    [InlineData("caglar élodie")]
    [InlineData("siec-ab12")]
    [InlineData("")]
    public void Every_word_matches_the_number_or_the_names_whatever_the_accents_and_case(string recherche) =>
        Assert.True(RechercheDossiers.Correspond(recherche, "BTS2024-SIEC-AB12CD34", "Lefèvre-Çağlar", "Élodie Marie"));

    [Theory]
    [InlineData("dupont")]
    [InlineData("elodie dupont")]
    public void A_word_found_nowhere_does_not_match(string recherche) =>
        Assert.False(RechercheDossiers.Correspond(recherche, "BTS2024-SIEC-AB12CD34", "Lefèvre-Çağlar", "Élodie Marie"));
}
