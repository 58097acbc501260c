using Examens.Domain.Deliberations;
using Examens.Domain.Regles;

namespace Examens.Domain.Tests.Deliberations;

public class DeliberationTests
{
    private static readonly DateOnly Juillet2024 = new(2024, 7, 5);

    private static (ResultatDeliberation Resultat, UniteDeliberee[] Unites) Deliberer(
        FormePassage forme, UniteNotee[] obligatoires, UniteNotee[]? facultatives = null, bool absenceFacultativeEliminatoire = false)
    {
        facultatives ??= [];
        var sortie = new UniteDeliberee[obligatoires.Length + facultatives.Length];
        var r = Deliberation.Deliberer(forme, Juillet2024, obligatoires, facultatives, sortie, new ParametresDeliberation(absenceFacultativeEliminatoire));
        return (r, sortie);
    }

    private static UniteNotee U(string id, decimal coef, ResultatUnite r, bool pro = false) => new(id, coef, pro, r);

    [Fact]
    public void Contract_example_gives_the_documented_figures()
    {
        // simulation-api.md §1: points 163.5 over 18, bonus 4, average 9.3056, professional average 10.5.
        var (r, unites) = Deliberer(FormePassage.Progressive,
        [
            U("U1", 3, ResultatUnite.Presente(12.5m)),
            U("U2", 3, ResultatUnite.Absence(justifiee: true)),
            U("U3", 3, ResultatUnite.Dispense()),
            U("U4", 6, ResultatUnite.Benefice(13, new DateOnly(2021, 7, 2)), pro: true),
            U("U5", 3, ResultatUnite.Report(7, new DateOnly(2022, 7, 1)), pro: true),
            U("U6", 3, ResultatUnite.Presente(9), pro: true),
        ],
        [U("UF1", 1, ResultatUnite.Presente(14))]);

        Assert.Equal(Decision.Ajourne, r.Decision);
        Assert.Equal(163.5m, r.Points);
        Assert.Equal(18m, r.Coefficients);
        Assert.Equal(4m, r.BonusFacultatif);
        Assert.Equal(9.3056m, decimal.Round(r.Moyenne!.Value, 4));
        Assert.Equal(10.5m, r.MoyenneProfessionnelle);
        Assert.True(r.EpreuvesDeControle);
        Assert.Equal(new DateOnly(2026, 7, 2), unites[3].ValableJusquau);
        Assert.Equal(new DateOnly(2029, 7, 5), unites[5].ValableJusquau);
    }

    [Theory]
    [InlineData("9.99", Decision.Ajourne)]
    [InlineData("10", Decision.Admis)]
    [InlineData("10.01", Decision.Admis)]
    public void R37_admission_at_an_average_of_10(string note, Decision attendue)
    {
        var (r, _) = Deliberer(FormePassage.Globale, [U("U1", 2, ResultatUnite.Presente(decimal.Parse(note, System.Globalization.CultureInfo.InvariantCulture)))]);
        Assert.Equal(attendue, r.Decision);
    }

    [Fact]
    public void P7_an_exact_average_of_9_995_is_not_admitted()
    {
        // (9.99 × 1 + 10 × 1) / 2 = 9.995: shown 10.00 once rounded to 2 decimals, but not admitted.
        var (r, _) = Deliberer(FormePassage.Globale, [U("U1", 1, ResultatUnite.Presente(9.99m)), U("U2", 1, ResultatUnite.Presente(10m))]);
        Assert.Equal(9.995m, r.Moyenne);
        Assert.Equal(Decision.Ajourne, r.Decision);
    }

    [Fact]
    public void P7_an_average_of_exactly_10_after_a_bonus_is_admitted()
    {
        // 9.5 × 2 = 19 points + (11 − 10) × 1 bonus = 20 over 2 = 10.
        var (r, _) = Deliberer(FormePassage.Globale, [U("U1", 2, ResultatUnite.Presente(9.5m))], [U("UF1", 1, ResultatUnite.Presente(11))]);
        Assert.Equal(10m, r.Moyenne);
        Assert.Equal(Decision.Admis, r.Decision);
    }

    [Fact]
    public void P4_an_exempted_unit_is_out_of_points_and_coefficients()
    {
        var (r, unites) = Deliberer(FormePassage.Globale, [U("U1", 4, ResultatUnite.Dispense()), U("U2", 2, ResultatUnite.Presente(11))]);
        Assert.Equal(22m, r.Points);
        Assert.Equal(2m, r.Coefficients);
        Assert.Equal(11m, r.Moyenne);
        Assert.Equal(StatutUnite.Dispense, unites[0].Statut);
        Assert.Null(unites[0].Note);
        Assert.False(unites[0].Comptee);
    }

    [Fact]
    public void P5_R31_only_points_above_10_of_an_optional_unit_count_times_its_coefficient()
    {
        var (r, unites) = Deliberer(FormePassage.Globale,
            [U("U1", 4, ResultatUnite.Presente(9))],
            [U("UF1", 2, ResultatUnite.Presente(13.5m)), U("UF2", 1, ResultatUnite.Presente(8)), U("UF3", 1, ResultatUnite.Presente(10))]);
        Assert.Equal(7m, r.BonusFacultatif); // (13.5 − 10) × 2; 8 and 10 add nothing
        Assert.Equal(36m, r.Points);          // the bonus is not in the points
        Assert.Equal(4m, r.Coefficients);     // nor its coefficient in the divisor
        Assert.Equal(43m / 4m, r.Moyenne);
        Assert.True(unites[1].Comptee);
        Assert.False(unites[2].Comptee);
        Assert.False(unites[3].Comptee);
    }

    [Fact]
    public void P6_R35_an_unjustified_absence_at_an_optional_unit_does_not_eliminate_by_default()
    {
        var (r, _) = Deliberer(FormePassage.Globale, [U("U1", 1, ResultatUnite.Presente(12))], [U("UF1", 1, ResultatUnite.Absence(false))]);
        Assert.Equal(Decision.Admis, r.Decision);
        Assert.Equal(0m, r.BonusFacultatif);
    }

    [Fact]
    public void P6_the_session_setting_makes_an_optional_absence_eliminatory()
    {
        var (r, _) = Deliberer(FormePassage.Globale, [U("U1", 1, ResultatUnite.Presente(12))], [U("UF1", 1, ResultatUnite.Absence(false))],
            absenceFacultativeEliminatoire: true);
        Assert.Equal(Decision.Elimine, r.Decision);
    }

    [Fact]
    public void P8_R38_an_unjustified_absence_at_a_compulsory_unit_eliminates_even_with_a_high_average()
    {
        var (r, unites) = Deliberer(FormePassage.Globale, [U("U1", 1, ResultatUnite.Presente(18)), U("U2", 1, ResultatUnite.Absence(false))]);
        Assert.Equal(Decision.Elimine, r.Decision);
        Assert.Equal(StatutUnite.AbsentNonJustifie, unites[1].Statut);
        Assert.False(r.EpreuvesDeControle);
    }

    [Fact]
    public void P8_R39_a_justified_absence_counts_0_and_admission_stays_possible()
    {
        var (r, unites) = Deliberer(FormePassage.Globale, [U("U1", 1, ResultatUnite.Presente(20)), U("U2", 1, ResultatUnite.Absence(true))]);
        Assert.Equal(0m, unites[1].Note);
        Assert.True(unites[1].Comptee);
        Assert.Equal(10m, r.Moyenne);
        Assert.Equal(Decision.Admis, r.Decision);
    }

    [Fact]
    public void Eliminated_wins_over_incomplete()
    {
        var (r, _) = Deliberer(FormePassage.Progressive, [U("U1", 1, ResultatUnite.EnAttente()), U("U2", 1, ResultatUnite.Absence(false))]);
        Assert.Equal(Decision.Elimine, r.Decision);
    }

    [Fact]
    public void R13_a_progressive_candidate_with_a_unit_still_to_take_is_incomplete_without_average()
    {
        var (r, unites) = Deliberer(FormePassage.Progressive, [U("U1", 1, ResultatUnite.Presente(15)), U("U2", 1, ResultatUnite.EnAttente())]);
        Assert.Equal(Decision.Incomplet, r.Decision);
        Assert.Null(r.Moyenne);
        Assert.Equal(StatutUnite.EnAttente, unites[1].Statut);
    }

    [Theory]
    [InlineData("3.98", "12", false)] // average 7.99: below 8
    [InlineData("4", "12", true)]     // average 8, professional average 12
    [InlineData("7.98", "12", true)]  // average 9.99
    [InlineData("6.01", "9.99", false)] // average 8 but professional average 9.99
    [InlineData("8", "12", false)]    // average 10: admitted, no control
    public void P9_R43_epreuves_de_controle(string general, string professionnelle, bool eligible)
    {
        var g = decimal.Parse(general, System.Globalization.CultureInfo.InvariantCulture);
        var p = decimal.Parse(professionnelle, System.Globalization.CultureInfo.InvariantCulture);
        var (r, _) = Deliberer(FormePassage.Globale, [U("U1", 1, ResultatUnite.Presente(g)), U("U4", 1, ResultatUnite.Presente(p), pro: true)]);
        Assert.Equal(eligible, r.EpreuvesDeControle);
    }

    [Fact]
    public void P10_an_admitted_candidate_is_never_eligible_for_the_control()
    {
        var (r, _) = Deliberer(FormePassage.Globale, [U("U1", 1, ResultatUnite.Presente(12), pro: true)]);
        Assert.Equal(Decision.Admis, r.Decision);
        Assert.False(r.EpreuvesDeControle);
    }

    [Fact]
    public void P11_the_decision_has_no_mention()
    {
        // R45: the BTS has no mention; the result type has no such member.
        Assert.DoesNotContain(typeof(ResultatDeliberation).GetProperties(), p => p.Name.Contains("Mention", StringComparison.Ordinal));
        Assert.Equal(["Admis", "Ajourne", "Elimine", "Incomplet"], Enum.GetNames<Decision>());
    }

    [Fact]
    public void R16_a_grade_below_10_sat_in_the_global_form_cannot_be_reused_but_one_in_the_progressive_form_can()
    {
        var (_, globale) = Deliberer(FormePassage.Globale, [U("U1", 1, ResultatUnite.Presente(9))]);
        var (_, progressive) = Deliberer(FormePassage.Progressive, [U("U1", 1, ResultatUnite.Presente(9))]);
        Assert.Null(globale[0].ValableJusquau);
        Assert.Equal(new DateOnly(2029, 7, 5), progressive[0].ValableJusquau);
        Assert.False(progressive[0].Acquise);
    }

    [Fact]
    public void P3_a_kept_grade_counts_in_either_form()
    {
        var (r, unites) = Deliberer(FormePassage.Globale, [U("U1", 2, ResultatUnite.Benefice(14, new DateOnly(2022, 7, 1))), U("U2", 2, ResultatUnite.Presente(6))]);
        Assert.Equal(10m, r.Moyenne);
        Assert.Equal(StatutUnite.Benefice, unites[0].Statut);
        Assert.Equal(new DateOnly(2027, 7, 1), unites[0].ValableJusquau);
    }
}
