using Examens.Core.Catalogue;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Resultats;
using Examens.Core.Sessions;
using Examens.Core.Tests.Outils;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Resultats;

public class EnregistrerDecisionJuryTests
{
    private static readonly string[] UnitesMco = ["U1", "U21", "U22", "U3", "U41", "U42", "U5", "U6"];
    private static readonly FakeTimeProvider Horloge = new(new DateTimeOffset(2024, 7, 5, 9, 0, 0, TimeSpan.Zero));

    private static async Task<(int Session, Guid Ajourne, Guid Elimine)> PreparerAsync(BaseDeTest bd)
    {
        await using var db = bd.Contexte();
        // Convocations published: grades exist only after them, and the lock needs them (R60).
        var session = new SessionExamen { Annee = 2024, Libelle = "BTS session 2024", DateDeliberation = new DateOnly(2024, 7, 5), ConvocationsPubliees = true };
        var academie = new AcademieSession { Code = "SIEC", Nom = "SIEC" };
        academie.DefinirFenetre(new DateTime(2023, 10, 10, 14, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0), "Europe/Paris");
        session.Academies.Add(academie);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var ids = new List<Guid>();
        foreach (var nom in new[] { "ajourne", "elimine" })
        {
            var compte = new Compte { UserName = $"{nom}@exemple.fr", Email = $"{nom}@exemple.fr", Nom = nom };
            db.Users.Add(compte);
            var inscription = new Inscription { Id = Guid.NewGuid(), Numero = $"N-{nom}", CandidatId = compte.Id, AcademieSessionId = academie.Id };
            inscription.AjouterVersion(new DateTime(2023, 11, 1, 10, 0, 0, DateTimeKind.Utc), "{}", new string('0', 64), "0000-0000-0000",
                new DonneesInscription { Specialite = "MCO", Forme = FormePassage.Globale });
            db.Inscriptions.Add(inscription);
            db.NotesUnites.AddRange(UnitesMco.Select(u => nom == "elimine" && u == "U3"
                ? new NoteUnite { InscriptionId = inscription.Id, Unite = u, Nature = NatureResultat.AbsenceNonJustifiee }
                : new NoteUnite { InscriptionId = inscription.Id, Unite = u, Nature = NatureResultat.Note, Note = 9.5m }));
            ids.Add(inscription.Id);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await new DelibererSession(db, Catalogue, Horloge).ExecuterAsync(session.Id, null, TestContext.Current.CancellationToken);
        return (session.Id, ids[0], ids[1]);
    }

    private static readonly Domain.Catalogue.CatalogueBts Catalogue = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut);

    private static EnregistrerDecisionJury Cas(global::Examens.Core.Persistance.ExamensDbContext db) => new(db, new CalculerResultatCandidat(db, Catalogue), Horloge);

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R38_an_eliminated_candidate_stays_eliminated_and_bad_points_are_refused(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (_, ajourne, elimine) = await PreparerAsync(bd);
        await using var db = bd.Contexte();

        var r = await Cas(db).ExecuterAsync(elimine, 0m, Decision.Admis, "Indulgence", "jury", null, TestContext.Current.CancellationToken);
        Assert.Equal("JURY_CANNOT_CHANGE", Assert.Single(r.Erreurs).Code);
        r = await Cas(db).ExecuterAsync(ajourne, 20.5m, null, "Trop", "jury", null, TestContext.Current.CancellationToken);
        Assert.Equal("JURY_POINTS_OUT_OF_RANGE", Assert.Single(r.Erreurs).Code);
        r = await Cas(db).ExecuterAsync(ajourne, 1m, Decision.Elimine, "Non", "jury", null, TestContext.Current.CancellationToken);
        Assert.Equal("JURY_DECISION_NOT_ALLOWED", Assert.Single(r.Erreurs).Code);

        await using var lecture = bd.Contexte();
        Assert.Equal(0, await lecture.DecisionsJury.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await lecture.Journal.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Once_locked_neither_the_jury_nor_a_new_deliberation_changes_anything(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (session, ajourne, _) = await PreparerAsync(bd);
        await using var db = bd.Contexte();
        Assert.True((await new VerrouillerResultats(db, Horloge).ExecuterAsync(session, "chef", null, TestContext.Current.CancellationToken)).Reussi);

        var r = await Cas(db).ExecuterAsync(ajourne, 1m, null, "Après verrouillage", "jury", null, TestContext.Current.CancellationToken);
        Assert.Equal("RESULTS_LOCKED", Assert.Single(r.Erreurs).Code);
        var d = await new DelibererSession(db, Catalogue, Horloge).DelibererAsync(session, null, TestContext.Current.CancellationToken);
        Assert.Equal("RESULTS_LOCKED", Assert.Single(d.Erreurs).Code);

        await using var lecture = bd.Contexte();
        Assert.Equal(Decision.Ajourne, (await lecture.ResultatsInscriptions.SingleAsync(x => x.InscriptionId == ajourne, TestContext.Current.CancellationToken)).Decision);
        Assert.Equal(0, await lecture.DecisionsJury.CountAsync(TestContext.Current.CancellationToken));
    }
}
