using Examens.Web.Infrastructure;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Infrastructure;

public sealed class CopieBorneeTests
{
    private static readonly DateTimeOffset T0 = UsineExamens.Debut;

    [Fact]
    public void A_value_is_given_back_for_its_exact_key_until_its_instant_and_not_at_it()
    {
        var copie = new CopieBornee<int>(4);
        copie.Garder("cookie-a", 1, T0.AddMinutes(1), T0);

        Assert.True(copie.TryLire("cookie-a", T0.AddSeconds(59), out var valeur));
        Assert.Equal(1, valeur);
        Assert.False(copie.TryLire("cookie-A", T0, out _));
        Assert.False(copie.TryLire("cookie-a", T0.AddMinutes(1), out _));
    }

    [Fact]
    public void When_full_the_entries_past_their_instant_go_first_and_it_never_grows_past_its_capacity()
    {
        var copie = new CopieBornee<int>(4);
        copie.Garder("a", 1, T0.AddSeconds(30), T0);
        copie.Garder("b", 2, T0.AddSeconds(30), T0);
        copie.Garder("c", 3, T0.AddMinutes(5), T0);
        copie.Garder("d", 4, T0.AddMinutes(5), T0);

        // a and b are past their instant: only they go.
        copie.Garder("e", 5, T0.AddMinutes(5), T0.AddMinutes(1));
        Assert.Equal(3, copie.Nombre);
        Assert.True(copie.TryLire("c", T0.AddMinutes(1), out _));
        Assert.True(copie.TryLire("e", T0.AddMinutes(1), out _));

        // Full of live entries: emptied, then the new one kept.
        copie.Garder("f", 6, T0.AddMinutes(5), T0.AddMinutes(1));
        copie.Garder("g", 7, T0.AddMinutes(5), T0.AddMinutes(1));
        Assert.Equal(1, copie.Nombre);
        Assert.True(copie.TryLire("g", T0.AddMinutes(1), out var g));
        Assert.Equal(7, g);
    }
}
