using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Tests.Persistance;

public sealed class RequeteCompileeTests
{
    [Fact]
    public async Task A_query_is_compiled_once_per_model_and_answers_on_each_database()
    {
        var ct = TestContext.Current.CancellationToken;
        var compilations = 0;
        var requete = new RequeteCompilee<Func<ExamensDbContext, string, Task<bool>>>(() =>
        {
            compilations++;
            return EF.CompileAsyncQuery((ExamensDbContext db, string courriel) => db.Users.Any(u => u.Email == courriel));
        });
        using var sqlite = new BaseDeTest(BasesDeDonnees.Sqlite);
        using var postgres = new BaseDeTest(BasesDeDonnees.Postgres);
        foreach (var bd in new[] { sqlite, postgres })
        {
            await using var db = bd.Contexte();
            db.Users.Add(new Compte { UserName = "ines@exemple.fr", Email = "ines@exemple.fr", CreeLeUtc = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync(ct);
        }

        await using var a = sqlite.Contexte();
        await using var b = sqlite.Contexte();
        await using var c = postgres.Contexte();

        Assert.Same(requete.Pour(a), requete.Pour(b));
        Assert.NotSame(requete.Pour(a), requete.Pour(c));
        Assert.Equal(2, compilations);
        Assert.True(await requete.Pour(b)(b, "ines@exemple.fr"));
        Assert.True(await requete.Pour(c)(c, "ines@exemple.fr"));
        Assert.False(await requete.Pour(c)(c, "paul@exemple.fr"));
    }
}
