using Examens.Core.Notes;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Core.Tests.Outils;
using Examens.Domain.Deliberations;
using Examens.Domain.Inscriptions;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Notes;

public class EnregistrerSaisiesTests
{
    private static readonly FakeTimeProvider Horloge = new(new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Two MS candidates, the first keeping U31 and exempted from U1; convocations published.</summary>
    public static async Task<(int Session, Dictionary<string, Examens.Core.Inscriptions.Inscription> Inscriptions)> PreparerAsync(BaseDeTest bd, bool publiees = true)
    {
        ArgumentNullException.ThrowIfNull(bd);
        await using var db = bd.Contexte();
        var elodie = SessionDeTest.Ms("A") with
        {
            NotesAnterieures = [new Examens.Core.Inscriptions.NoteDeclaree { Unite = "U31", Note = 13.5m, Obtention = new DateOnly(2022, 7, 1), Choix = ChoixNote.Benefice }],
            Dispenses = [new Examens.Core.Inscriptions.DispenseDemandee { Unite = "U1", NiveauDiplome = 5, Diplome = "DUT" }],
        };
        var (session, inscriptions) = await SessionDeTest.CreerAsync(db, ("elodie", elodie), ("paul", SessionDeTest.Ms("A")));
        if (publiees)
        {
            await db.Sessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConvocationsPubliees, true), TestContext.Current.CancellationToken);
        }

        return (session, inscriptions);
    }

    private static EnregistrerSaisies Cas(ExamensDbContext db) => new(db, Outils.Convocations.Verificateur, Horloge);

    private static async Task<Domain.Common.ErreurRegle[]> SaisirAsync(BaseDeTest bd, string acteur, int numero, params SaisieDemandee[] saisies)
    {
        await using var db = bd.Contexte();
        var r = await Cas(db).ExecuterAsync(acteur, true, numero, OrigineSaisie.Manuelle, saisies, null, null, TestContext.Current.CancellationToken);
        return [.. r.Erreurs];
    }

    private static SaisieDemandee Note(Guid id, string unite, decimal note) => new($"{unite}", id, unite, new ValeurSaisie(NatureResultat.Note, note));

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Two_matching_keyings_by_two_people_validate_the_grade_dated_by_the_deliberation(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (_, ids) = await PreparerAsync(bd);
        var paul = ids["paul"].Id;
        var absent = new SaisieDemandee("U32", paul, "U32", new ValeurSaisie(NatureResultat.AbsenceJustifiee, null));

        Assert.Empty(await SaisirAsync(bd, "agent-1", 1, Note(paul, "U2", 12.5m), absent));
        await using (var db = bd.Contexte())
        {
            Assert.Empty(await db.NotesUnites.ToListAsync(TestContext.Current.CancellationToken));
        }

        // The same person cannot make the second keying (double keying by two people).
        var memePersonne = await SaisirAsync(bd, "agent-1", 2, Note(paul, "U2", 12.5m));
        Assert.Equal("U2 : vous avez fait la saisie 1 de U2 pour le candidat 2024-SIEC-000002 : la saisie 2 doit être faite par une autre personne.", Assert.Single(memePersonne).Message);

        Assert.Empty(await SaisirAsync(bd, "agent-2", 2, Note(paul, "U2", 12.50m), absent));
        await using var lecture = bd.Contexte();
        var notes = await lecture.NotesUnites.Where(n => n.InscriptionId == paul).OrderBy(n => n.Unite).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, notes.Count);
        Assert.Equal((NatureResultat.Note, 12.5m, new DateOnly(2024, 7, 5)), (notes[0].Nature, notes[0].Note!.Value, notes[0].ObtenueLe!.Value));
        Assert.Equal((NatureResultat.AbsenceJustifiee, (decimal?)null), (notes[1].Nature, notes[1].Note));
        Assert.Contains(await lecture.Journal.Select(e => e.Apres).ToListAsync(TestContext.Current.CancellationToken),
            a => a == "2 saisie(s) (saisie manuelle), 0 inchangée(s), 2 note(s) validée(s), 0 écart(s)");
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_mismatch_validates_nothing_until_an_officer_settles_it_with_a_reason_written_in_the_trail(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (_, ids) = await PreparerAsync(bd);
        var paul = ids["paul"].Id;
        Assert.Empty(await SaisirAsync(bd, "agent-1", 1, Note(paul, "U4", 14m)));
        Assert.Empty(await SaisirAsync(bd, "agent-2", 2, Note(paul, "U4", 11m)));

        await using (var db = bd.Contexte())
        {
            Assert.Empty(await db.NotesUnites.ToListAsync(TestContext.Current.CancellationToken));
            var trancher = new TrancherEcart(db, Outils.Convocations.Verificateur, Horloge);
            var sansMotif = await trancher.ExecuterAsync("chef", true, paul, "U4", "14", "", " ", null, TestContext.Current.CancellationToken);
            Assert.Equal("Indiquez le motif de l'arbitrage (par exemple : copie vérifiée), 1000 caractères au plus.", Assert.Single(sansMotif.Erreurs).Message);
            var faux = await trancher.ExecuterAsync("chef", true, paul, "U4", "12.345", "", "copie vérifiée", null, TestContext.Current.CancellationToken);
            Assert.Equal("Note retenue : la note 12.345 a plus de deux décimales (deux au plus, P7).", Assert.Single(faux.Erreurs).Message);
            var r = await trancher.ExecuterAsync("chef", true, paul, "U4", "14", "", "Copie vérifiée : 14/20.", "192.0.2.9", TestContext.Current.CancellationToken);
            Assert.True(r.Reussi);
        }

        await using var lecture = bd.Contexte();
        var note = await lecture.NotesUnites.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("U4", NatureResultat.Note, (decimal?)14m), (note.Unite, note.Nature, note.Note));
        var trace = await lecture.Journal.SingleAsync(e => e.Action == "note.arbitrage", TestContext.Current.CancellationToken);
        Assert.Equal(("U4 : saisie 1 14/20 ; saisie 2 11/20", "U4 : 14/20", "Copie vérifiée : 14/20.", "chef"), (trace.Avant, trace.Apres, trace.Motif, trace.Acteur));
        Assert.Equal(3, (await lecture.SaisiesNotes.SingleAsync(s => s.Numero == SaisieNote.Arbitrage, TestContext.Current.CancellationToken)).Numero);

        // Once validated, a grade changes only by a settlement: a new keying is refused.
        await using var db2 = bd.Contexte();
        var r2 = await Cas(db2).ExecuterAsync("agent-2", true, 2, OrigineSaisie.Manuelle, [Note(paul, "U4", 15m)], null, null, TestContext.Current.CancellationToken);
        Assert.Equal("U4 : la note de U4 du candidat 2024-SIEC-000002 est déjà validée (14/20) : seul un arbitrage la change.", Assert.Single(r2.Erreurs).Message);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P22_grades_are_keyed_only_after_convocations_and_only_for_units_sat_this_session(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (session, ids) = await PreparerAsync(bd, publiees: false);
        var avant = await SaisirAsync(bd, "agent-1", 1, Note(ids["paul"].Id, "U2", 12m));
        Assert.Equal("U2 : les convocations de la session du candidat 2024-SIEC-000002 ne sont pas publiées : pas de note avant.", Assert.Single(avant).Message);

        await using (var db = bd.Contexte())
        {
            await db.Sessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConvocationsPubliees, true), TestContext.Current.CancellationToken);
        }

        var erreurs = await SaisirAsync(bd, "agent-1", 1, Note(ids["elodie"].Id, "U31", 15m), Note(ids["elodie"].Id, "U1", 15m), Note(ids["elodie"].Id, "U2", 15m));
        Assert.Equal(
            ["U31 : le candidat 2024-SIEC-000001 ne présente pas l'unité « U31 » à cette session.", "U1 : le candidat 2024-SIEC-000001 ne présente pas l'unité « U1 » à cette session."],
            erreurs.Select(e => e.Message));
        await using var lecture = bd.Contexte();
        Assert.Empty(await lecture.SaisiesNotes.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Kept_grades_and_exemptions_become_validated_units_and_the_deliberation_reads_them_with_the_keyed_grades(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (session, ids) = await PreparerAsync(bd);
        var elodie = ids["elodie"].Id;
        string[] unites = ["U2", "U32", "U4", "U51", "U52", "U53", "U61", "U62"];
        Assert.Empty(await SaisirAsync(bd, "agent-1", 1, [.. unites.Select(u => Note(elodie, u, 11m))]));
        Assert.Empty(await SaisirAsync(bd, "agent-2", 2, [.. unites.Select(u => Note(elodie, u, 11m))]));

        for (var fois = 0; fois < 2; fois++)
        {
            await using var db = bd.Contexte();
            var r = await new ReprendreNotesAcquises(db, Outils.Convocations.Verificateur, Horloge).ExecuterAsync("chef", true, session, null, TestContext.Current.CancellationToken);
            Assert.Equal(new ReprendreNotesAcquises.Bilan(2, fois == 0 ? 2 : 0), r.Valeur);
        }

        await using (var db = bd.Contexte())
        {
            var reprises = await db.NotesUnites.Where(n => n.InscriptionId == elodie && (n.Unite == "U1" || n.Unite == "U31")).OrderBy(n => n.Unite).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal((NatureResultat.Dispense, (decimal?)null), (reprises[0].Nature, reprises[0].Note));
            Assert.Equal((NatureResultat.Benefice, (decimal?)13.5m, (DateOnly?)new DateOnly(2022, 7, 1)), (reprises[1].Nature, reprises[1].Note, reprises[1].ObtenueLe));
            await new DelibererSession(db, Outils.Convocations.Catalogue, Horloge).ExecuterAsync(session, null, TestContext.Current.CancellationToken);
        }

        await using var lecture = bd.Contexte();
        var resultat = await lecture.ResultatsInscriptions.SingleAsync(r => r.InscriptionId == elodie, TestContext.Current.CancellationToken);
        Assert.Equal(Decision.Admis, resultat.Decision);
        Assert.Equal(Decision.Incomplet, (await lecture.ResultatsInscriptions.SingleAsync(r => r.InscriptionId == ids["paul"].Id, TestContext.Current.CancellationToken)).Decision);
    }
}
