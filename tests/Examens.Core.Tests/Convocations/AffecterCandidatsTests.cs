using Examens.Core.Convocations;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Convocations;

public class AffecterCandidatsTests
{
    private static readonly FakeTimeProvider Horloge = new(new DateTimeOffset(2024, 4, 2, 9, 0, 0, TimeSpan.Zero));

    private static async Task<(int Session, Dictionary<string, Examens.Core.Inscriptions.Inscription> Inscriptions)> CandidatsAsync(BaseDeTest bd, int optionA, int optionB)
    {
        await using var db = bd.Contexte();
        return await SessionDeTest.CreerAsync(db, [
            .. Enumerable.Range(1, optionA).Select(i => ($"a{i}", SessionDeTest.Ms("A"))),
            .. Enumerable.Range(1, optionB).Select(i => ($"b{i}", SessionDeTest.Ms("B")))]);
    }

    private static async Task<CentreExamen> CentreAsync(BaseDeTest bd, int session, string nom, int capacite)
    {
        await using var db = bd.Contexte();
        var r = await new AjouterCentre(db, Horloge).ExecuterAsync("admin", true, session, "SIEC", nom, "1 rue de l'Examen\n75000 Paris", capacite, null, TestContext.Current.CancellationToken);
        Assert.True(r.Reussi, string.Join(" ", r.Erreurs.Select(e => e.Message)));
        return r.Valeur!;
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R69_each_speciality_and_option_is_kept_together_in_one_centre_when_one_can_hold_it(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (session, inscriptions) = await CandidatsAsync(bd, optionA: 5, optionB: 2);
        var arago = await CentreAsync(bd, session, "Lycée Arago", 5);
        var buffon = await CentreAsync(bd, session, "Lycée Buffon", 5);

        await using (var db = bd.Contexte())
        {
            var r = await new AffecterCandidats(db, Horloge).ExecuterAsync("admin", true, session, null, TestContext.Current.CancellationToken);
            Assert.Equal(new AffecterCandidats.Bilan(7, 0), r.Valeur);
        }

        await using var lecture = bd.Contexte();
        var centres = await lecture.AffectationsCentres.ToDictionaryAsync(a => a.InscriptionId, a => a.CentreId, TestContext.Current.CancellationToken);
        Assert.All(Enumerable.Range(1, 5), i => Assert.Equal(arago.Id, centres[inscriptions[$"a{i}"].Id]));
        Assert.All(Enumerable.Range(1, 2), i => Assert.Equal(buffon.Id, centres[inscriptions[$"b{i}"].Id]));
        Assert.Single(await lecture.Journal.Where(e => e.Action == "centres.affectation").ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R69_no_centre_gets_more_than_its_capacity_those_left_are_counted_and_placed_once_a_centre_is_added(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (session, inscriptions) = await CandidatsAsync(bd, optionA: 6, optionB: 3);
        var petit = await CentreAsync(bd, session, "Petit centre", 4);
        var moyen = await CentreAsync(bd, session, "Centre moyen", 3);

        await using (var db = bd.Contexte())
        {
            var r = await new AffecterCandidats(db, Horloge).ExecuterAsync("admin", true, session, null, TestContext.Current.CancellationToken);
            Assert.Equal(new AffecterCandidats.Bilan(7, 2), r.Valeur);
        }

        await using (var db = bd.Contexte())
        {
            var occupation = await db.AffectationsCentres.GroupBy(a => a.CentreId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, TestContext.Current.CancellationToken);
            Assert.Equal(4, occupation[petit.Id]);
            Assert.Equal(3, occupation[moyen.Id]);

            // Moving a candidate into a full centre is refused, in French.
            var sansPlace = inscriptions.Values.First(i => !db.AffectationsCentres.Any(a => a.InscriptionId == i.Id));
            var refus = await new DeplacerCandidat(db, Horloge).ExecuterAsync("admin", true, sansPlace.Id, petit.Id, null, TestContext.Current.CancellationToken);
            Assert.Equal("Le centre « Petit centre » est complet (4 places).", Assert.Single(refus.Erreurs).Message);
        }

        var grand = await CentreAsync(bd, session, "Grand centre", 10);
        await using (var db = bd.Contexte())
        {
            var r = await new AffecterCandidats(db, Horloge).ExecuterAsync("admin", true, session, null, TestContext.Current.CancellationToken);
            Assert.Equal(new AffecterCandidats.Bilan(2, 0), r.Valeur);
            Assert.Equal(2, await db.AffectationsCentres.CountAsync(a => a.CentreId == grand.Id, TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R69_an_officer_moves_one_candidate_to_a_centre_with_room_and_the_move_is_in_the_trail(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (session, inscriptions) = await CandidatsAsync(bd, optionA: 2, optionB: 0);
        await CentreAsync(bd, session, "Lycée Arago", 5);
        var buffon = await CentreAsync(bd, session, "Lycée Buffon", 5);
        await using (var db = bd.Contexte())
        {
            await new AffecterCandidats(db, Horloge).ExecuterAsync("admin", true, session, null, TestContext.Current.CancellationToken);
        }

        await using (var db = bd.Contexte())
        {
            var r = await new DeplacerCandidat(db, Horloge).ExecuterAsync("admin", true, inscriptions["a2"].Id, buffon.Id, "192.0.2.1", TestContext.Current.CancellationToken);
            Assert.True(r.Reussi);
        }

        await using var lecture = bd.Contexte();
        Assert.Equal(buffon.Id, (await lecture.AffectationsCentres.SingleAsync(a => a.InscriptionId == inscriptions["a2"].Id, TestContext.Current.CancellationToken)).CentreId);
        var trace = await lecture.Journal.SingleAsync(e => e.Action == "centre.candidat.deplace", TestContext.Current.CancellationToken);
        Assert.Equal(("Lycée Arago", "Lycée Buffon", $"inscription:{inscriptions["a2"].Id}"), (trace.Avant, trace.Apres, trace.Cible));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R69_a_centre_needs_an_academy_of_the_scope_a_name_an_address_and_a_capacity(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (session, _) = await CandidatsAsync(bd, 1, 0);
        await using var db = bd.Contexte();
        var r = await new AjouterCentre(db, Horloge).ExecuterAsync("agent-sans-perimetre", false, session, "SIEC", " ", "", 0, null, TestContext.Current.CancellationToken);
        Assert.Equal(
            ["Choisissez l'académie du centre parmi celles de votre périmètre.", "Indiquez le nom du centre (200 caractères au plus).",
             "Indiquez l'adresse du centre (500 caractères au plus) : elle est imprimée sur la convocation.", "La capacité est un nombre entier de places entre 1 et 100000."],
            r.Erreurs.Select(e => e.Message));
        Assert.Empty(await db.CentresExamen.ToListAsync(TestContext.Current.CancellationToken));
    }
}
