using Examens.Domain.Regles;

namespace Examens.Domain.Tests.Regles;

public class DelaiDesPiecesTests
{
    private static readonly FenetreInscription NancyMetz = FenetresDeTest.NancyMetz;

    [Fact]
    public void P13_without_a_documents_deadline_uploads_close_with_the_registration()
    {
        Assert.Equal(NancyMetz.Fermeture, DelaiDesPieces.DateLimite(NancyMetz, null));
        Assert.False(DelaiDesPieces.PeutDeposer(NancyMetz.Fermeture, NancyMetz, null));
        Assert.True(DelaiDesPieces.PeutDeposer(NancyMetz.Fermeture.AddSeconds(-1), NancyMetz, null));
    }

    [Fact]
    public void P13_R58_a_later_documents_deadline_keeps_uploads_open_after_the_close()
    {
        // Nancy-Metz 2024: documents due by 22 Nov 2023 22:00 local (21:00Z).
        var limite = new DateTimeOffset(2023, 11, 22, 21, 0, 0, TimeSpan.Zero);
        Assert.True(DelaiDesPieces.PeutDeposer(NancyMetz.Fermeture.AddDays(3), NancyMetz, limite));
        Assert.False(DelaiDesPieces.PeutDeposer(limite, NancyMetz, limite));
    }

    [Fact]
    public void P13_a_documents_deadline_before_the_close_does_not_shorten_the_window() =>
        Assert.Equal(NancyMetz.Fermeture, DelaiDesPieces.DateLimite(NancyMetz, NancyMetz.Fermeture.AddDays(-1)));
}
