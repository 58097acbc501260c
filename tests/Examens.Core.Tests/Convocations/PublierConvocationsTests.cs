using Examens.Core.Comptes;
using Examens.Core.Convocations;
using Examens.Core.Courriels;
using Examens.Core.Sessions;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Convocations;

public class PublierConvocationsTests
{
    private sealed class BoiteAuxLettres : IEnvoiCourriel
    {
        public List<Courriel> Envoyes { get; } = [];

        public Task EnvoyerAsync(Courriel courriel, CancellationToken annulation)
        {
            Envoyes.Add(courriel);
            return Task.CompletedTask;
        }
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R69_the_batch_is_for_the_whole_session_an_officer_of_one_academy_of_two_cannot_publish_it(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        await using var db = bd.Contexte();
        var (session, inscriptions) = await SessionDeTest.CreerAsync(db, ("elodie", SessionDeTest.Ms("A", "arabe")), ("paul", SessionDeTest.Ms("A")));
        var centre = await Outils.Convocations.PreparerAsync(db, session);
        db.AffectationsCentres.AddRange(inscriptions.Values.Select(i => new AffectationCentre { InscriptionId = i.Id, CentreId = centre.Id }));
        var nancy = new AcademieSession { SessionId = session, Code = "NANCY-METZ", Nom = "Nancy-Metz" };
        nancy.DefinirFenetre(new DateTime(2023, 10, 16, 12, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0), "Europe/Paris");
        db.AcademiesSessions.Add(nancy);
        var agent = new Compte { UserName = "agent@exemple.fr", Email = "agent@exemple.fr" };
        db.Users.Add(agent);
        db.PerimetresGestionnaires.Add(new PerimetreGestionnaire { CompteId = agent.Id, CodeAcademie = "SIEC" });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var boite = new BoiteAuxLettres();
        var horloge = new FakeTimeProvider(new DateTimeOffset(2024, 4, 10, 8, 0, 0, TimeSpan.Zero));
        var academiesEnCache = new AcademiesEnCache(horloge);
        var publier = new PublierConvocations(db, new ConstruireConvocation(db, Outils.Convocations.Verificateur), boite, horloge, NullLogger<PublierConvocations>.Instance, academiesEnCache);
        Assert.All(await academiesEnCache.ListerAsync(db, TestContext.Current.CancellationToken), a => Assert.False(a.Session.ConvocationsPubliees));

        var refus = await publier.ExecuterAsync(agent.Id, false, session, null, TestContext.Current.CancellationToken);
        Assert.Equal("La publication vaut pour toute la session : elle est réservée à un administrateur ou à un gestionnaire de toutes ses académies.", Assert.Single(refus.Erreurs).Message);
        Assert.Empty(boite.Envoyes);

        var r = await publier.ExecuterAsync("admin", true, session, null, TestContext.Current.CancellationToken);
        Assert.Equal(new PublierConvocations.Bilan(2, 2), r.Valeur);
        Assert.Equal(["elodie@exemple.fr", "paul@exemple.fr"], boite.Envoyes.Select(c => c.Destinataire).Order(StringComparer.Ordinal));
        var s = await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == session, TestContext.Current.CancellationToken);
        Assert.Equal((true, (DateTime?)new DateTime(2024, 4, 10, 8, 0, 0)), (s.ConvocationsPubliees, s.ConvocationsPublieesLeUtc));
        // The home pages of this node show the convocation at once (the clock has not moved: the copy was emptied).
        Assert.All(await academiesEnCache.ListerAsync(db, TestContext.Current.CancellationToken), a => Assert.True(a.Session.ConvocationsPubliees));

        var encore = await publier.ExecuterAsync("admin", true, session, null, TestContext.Current.CancellationToken);
        Assert.Equal("Les convocations de cette session sont déjà publiées.", Assert.Single(encore.Erreurs).Message);
        Assert.Equal(2, boite.Envoyes.Count);
    }
}
