using Examens.Domain.Deliberations;
using Examens.Domain.Regles;

namespace Examens.Domain.Tests.Deliberations;

public class VerificationDeliberationTests
{
    private static readonly DateOnly Juillet2024 = new(2024, 7, 5);

    private static IReadOnlyList<string> Codes(FormePassage forme, params UniteNotee[] unites) =>
        [.. VerificationDeliberation.Verifier(forme, Juillet2024, unites, []).Select(e => $"{e.Regle}:{e.Code}")];

    private static UniteNotee U(ResultatUnite r, string id = "U1", decimal coef = 1, bool pro = false) => new(id, coef, pro, r);

    [Fact]
    public void A_valid_input_has_no_error() =>
        Assert.Empty(Codes(FormePassage.Progressive, U(ResultatUnite.Presente(12)), U(ResultatUnite.Report(8, new DateOnly(2023, 7, 1)), "U2")));

    [Theory]
    [InlineData("-0.01", "P7:GRADE_OUT_OF_RANGE")]
    [InlineData("20.01", "P7:GRADE_OUT_OF_RANGE")]
    [InlineData("12.345", "P7:GRADE_TOO_PRECISE")]
    public void P7_grades_are_0_to_20_with_at_most_2_decimals(string note, string attendu) =>
        Assert.Equal([attendu], Codes(FormePassage.Globale, U(ResultatUnite.Presente(decimal.Parse(note, System.Globalization.CultureInfo.InvariantCulture)))));

    [Fact]
    public void P7_the_bounds_0_and_20_are_grades() =>
        Assert.Empty(Codes(FormePassage.Globale, U(ResultatUnite.Presente(0)), U(ResultatUnite.Presente(20), "U2")));

    [Fact]
    public void R15_a_kept_grade_below_10_is_refused() =>
        Assert.Equal(["R15:KEPT_GRADE_BELOW_10"], Codes(FormePassage.Globale, U(ResultatUnite.Benefice(9.99m, new DateOnly(2022, 7, 1)))));

    [Fact]
    public void R16_a_carried_grade_of_10_or_more_is_refused() =>
        Assert.Equal(["R16:CARRIED_GRADE_10_OR_MORE"], Codes(FormePassage.Progressive, U(ResultatUnite.Report(10, new DateOnly(2022, 7, 1)))));

    [Fact]
    public void P3_R16_a_carried_grade_in_the_global_form_is_refused() =>
        Assert.Equal(["R16:CARRIED_GRADE_IN_GLOBAL_FORM"], Codes(FormePassage.Globale, U(ResultatUnite.Report(7, new DateOnly(2022, 7, 1)))));

    [Theory]
    [InlineData("2019-07-05", true)]  // last valid day: the deliberation is exactly 5 years later
    [InlineData("2019-07-04", false)] // one day too old
    public void R14_P1_a_kept_grade_is_valid_5_years_to_the_day(string obtention, bool valide)
    {
        var codes = Codes(FormePassage.Globale, U(ResultatUnite.Benefice(12, DateOnly.Parse(obtention, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(valide ? [] : ["R14:GRADE_EXPIRED"], codes);
    }

    [Fact]
    public void P1_a_grade_obtained_on_29_february_is_valid_until_28_february_5_years_later()
    {
        var obtention = new DateOnly(2020, 2, 29);
        Assert.Empty(VerificationDeliberation.Verifier(FormePassage.Globale, new DateOnly(2025, 2, 28), [U(ResultatUnite.Benefice(12, obtention))], []));
        Assert.Contains(VerificationDeliberation.Verifier(FormePassage.Globale, new DateOnly(2025, 3, 1), [U(ResultatUnite.Benefice(12, obtention))], []),
            e => e.Code == "GRADE_EXPIRED");
    }

    [Fact]
    public void R9_P17_a_pending_unit_in_the_global_form_is_refused() =>
        Assert.Equal(["R9:PENDING_IN_GLOBAL_FORM"], Codes(FormePassage.Globale, U(ResultatUnite.EnAttente())));

    [Fact]
    public void R24_a_professional_unit_cannot_be_exempted() =>
        Assert.Equal(["R24:PROFESSIONAL_UNIT_EXEMPTED"], Codes(FormePassage.Globale, U(ResultatUnite.Dispense(), pro: true)));

    [Fact]
    public void R4_duplicate_unit_ids_are_refused_wherever_they_are()
    {
        var erreurs = VerificationDeliberation.Verifier(FormePassage.Globale, Juillet2024,
            [U(ResultatUnite.Presente(12))], [U(ResultatUnite.Presente(12), "u1")]);
        var e = Assert.Single(erreurs);
        Assert.Equal("DUPLICATE_UNIT_ID", e.Code);
        Assert.Equal("optionalUnits[0].id", e.Chemin);
    }

    [Fact]
    public void R37_an_empty_unit_list_is_refused() =>
        Assert.Equal(["R37:NO_UNITS"], [.. VerificationDeliberation.Verifier(FormePassage.Globale, Juillet2024, [], []).Select(e => $"{e.Regle}:{e.Code}")]);

    [Fact]
    public void Every_error_names_its_place_and_says_it_in_French()
    {
        var e = Assert.Single(VerificationDeliberation.Verifier(FormePassage.Globale, Juillet2024,
            [U(ResultatUnite.Presente(12)), U(ResultatUnite.Benefice(8, new DateOnly(2022, 7, 1)), "U4")], []));
        Assert.Equal("units[1].result", e.Chemin);
        Assert.Contains("égale ou supérieure à 10", e.Message, StringComparison.Ordinal);
    }
}
