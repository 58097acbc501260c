using Examens.Core.Persistance;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Examens.Core.Tests.Persistance;

public class PersistanceExtensionsTests
{
    [Fact]
    public void An_operator_string_gets_prepared_statements_and_no_reset_round_trip_by_default()
    {
        var b = new NpgsqlConnectionStringBuilder(PersistanceExtensions.ChainePostgres("Host=db.example;Database=examens;Username=examens"));

        Assert.Equal(64, b.MaxAutoPrepare);
        Assert.True(b.NoResetOnClose);
        Assert.Equal("db.example", b.Host);
        Assert.Equal("examens", b.Database);
    }

    [Theory]
    [InlineData("Host=h;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=h;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("host=h;max auto prepare=0;no reset on close=false")]
    public void What_the_operator_sets_is_kept_whatever_the_spelling(string chaine)
    {
        var b = new NpgsqlConnectionStringBuilder(PersistanceExtensions.ChainePostgres(chaine));

        Assert.Equal(0, b.MaxAutoPrepare);
        Assert.False(b.NoResetOnClose);
    }

    [Fact]
    public async Task A_query_a_node_repeats_is_prepared_once_on_its_connection()
    {
        using var bd = new BaseDeTest(BasesDeDonnees.Postgres);
        var ct = TestContext.Current.CancellationToken;
        await using var db = bd.Contexte();
        await db.Database.OpenConnectionAsync(ct);
        for (var i = 0; i < 3; i++)
        {
            _ = await db.Inscriptions.AsNoTracking().Where(x => x.Numero == $"N{i}").CountAsync(ct);
        }

        var preparees = await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync(ct);

        Assert.Contains(preparees, s => s.Contains("\"Inscriptions\"", StringComparison.Ordinal));
    }
}
