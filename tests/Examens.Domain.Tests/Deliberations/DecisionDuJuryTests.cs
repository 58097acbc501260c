using Examens.Domain.Deliberations;

namespace Examens.Domain.Tests.Deliberations;

public class DecisionDuJuryTests
{
    private static readonly ResultatDeliberation Ajourne = new(Decision.Ajourne, 202.5m / 21m, 202.5m, 21m, 0m, false, 8.5m);

    [Fact]
    public void Points_de_jury_are_added_to_the_total_and_the_decision_follows_the_new_average()
    {
        var r = DecisionDuJury.Appliquer(Ajourne, 8m, null);
        Assert.Equal(Decision.Admis, r.Decision);
        Assert.Equal(210.5m / 21m, r.Moyenne);
        Assert.Equal(202.5m, r.Points); // the engine's points stay as computed
    }

    [Fact]
    public void P7_points_that_leave_the_average_under_10_keep_the_candidate_deferred()
    {
        Assert.Equal(Decision.Ajourne, DecisionDuJury.Appliquer(Ajourne, 7.4m, null).Decision); // 209.9 / 21 = 9.995…
    }

    [Fact]
    public void The_jury_may_set_the_decision_itself()
    {
        Assert.Equal(Decision.Admis, DecisionDuJury.Appliquer(Ajourne, 0m, Decision.Admis).Decision);
        Assert.Equal(Ajourne, DecisionDuJury.Appliquer(Ajourne, 0m, null));
    }

    [Fact]
    public void R38_R13_an_eliminated_or_incomplete_candidate_is_not_changed()
    {
        var elimine = Ajourne with { Decision = Decision.Elimine };
        var incomplet = Ajourne with { Decision = Decision.Incomplet, Moyenne = null };
        Assert.Equal(elimine, DecisionDuJury.Appliquer(elimine, 20m, Decision.Admis));
        Assert.Equal(incomplet, DecisionDuJury.Appliquer(incomplet, 20m, Decision.Admis));
    }

    [Fact]
    public void P9_eligibility_for_the_epreuves_de_controle_follows_the_new_average()
    {
        var pro = Ajourne with { Moyenne = 7.5m, Points = 157.5m, MoyenneProfessionnelle = 11m };
        Assert.False(pro.EpreuvesDeControle);
        Assert.True(DecisionDuJury.Appliquer(pro, 21m * 0.6m, null).EpreuvesDeControle); // 8.1: 8 ≤ average < 10
    }
}
