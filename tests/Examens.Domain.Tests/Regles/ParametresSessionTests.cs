using Examens.Domain.Regles;

namespace Examens.Domain.Tests.Regles;

public class ParametresSessionTests
{
    [Theory]
    [InlineData(2023, 2)]
    [InlineData(2024, 2)]
    [InlineData(2025, 1)] // R53: décret 2024-788
    [InlineData(2027, 1)]
    public void P14_R30_optional_units_allowed_by_session(int session, int maximum) =>
        Assert.Equal(maximum, ParametresSession.ParDefaut(session).MaxUnitesFacultatives);

    [Fact]
    public void P6_P20_P21_defaults_follow_the_decisions()
    {
        var p = ParametresSession.ParDefaut(2024);
        Assert.False(p.AbsenceFacultativeEliminatoire);
        Assert.False(p.PieceD12Requise);
        Assert.False(p.PieceD13Requise);
        Assert.Equal(ModeConfirmation.Papier, p.ModeConfirmation);
    }
}
