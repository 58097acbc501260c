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

public class DelibererSessionTests
{
    private static readonly string[] UnitesMco = ["U1", "U21", "U22", "U3", "U41", "U42", "U5", "U6"];

    private static async Task<(int Session, Dictionary<string, Guid> Inscriptions)> PreparerAsync(BaseDeTest bd)
    {
        await using var db = bd.Contexte();
        var session = new SessionExamen { Annee = 2024, Libelle = "BTS session 2024", DateDeliberation = new DateOnly(2024, 7, 5) };
        var academie = new AcademieSession { Code = "SIEC", Nom = "SIEC" };
        academie.DefinirFenetre(new DateTime(2023, 10, 10, 14, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0), "Europe/Paris");
        session.Academies.Add(academie);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var ids = new Dictionary<string, Guid>();
        foreach (var (nom, soumise) in new[] { ("admis", true), ("ajourne", true), ("elimine", true), ("incomplet", true), ("brouillon", false) })
        {
            var compte = new Compte { UserName = $"{nom}@exemple.fr", Email = $"{nom}@exemple.fr", Nom = nom };
            db.Users.Add(compte);
            var inscription = new Inscription { Id = Guid.NewGuid(), Numero = $"N-{nom}", CandidatId = compte.Id, AcademieSessionId = academie.Id };
            if (soumise)
            {
                inscription.AjouterVersion(new DateTime(2023, 11, 1, 10, 0, 0, DateTimeKind.Utc), "{}", new string('0', 64), "0000-0000-0000",
                    new DonneesInscription { Specialite = "MCO", Forme = FormePassage.Globale });
            }

            db.Inscriptions.Add(inscription);
            ids[nom] = inscription.Id;
        }

        void Notes(string qui, Func<string, NoteUnite> note)
        {
            foreach (var u in UnitesMco.Where(u => !(qui == "incomplet" && u == "U6")))
            {
                var n = note(u);
                n.InscriptionId = ids[qui];
                n.Unite = u;
                db.NotesUnites.Add(n);
            }
        }

        Notes("admis", _ => new NoteUnite { Nature = NatureResultat.Note, Note = 12 });
        Notes("ajourne", _ => new NoteUnite { Nature = NatureResultat.Note, Note = 9 });
        Notes("elimine", u => u == "U3" ? new NoteUnite { Nature = NatureResultat.AbsenceNonJustifiee } : new NoteUnite { Nature = NatureResultat.Note, Note = 15 });
        Notes("incomplet", _ => new NoteUnite { Nature = NatureResultat.Note, Note = 14 });
        Notes("brouillon", _ => new NoteUnite { Nature = NatureResultat.Note, Note = 20 });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (session.Id, ids);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R37_R38_the_whole_session_is_deliberated_from_the_stored_grades_and_again_gives_the_same(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (session, ids) = await PreparerAsync(bd);
        var catalogue = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut);
        var horloge = new FakeTimeProvider(new DateTimeOffset(2024, 7, 5, 9, 0, 0, TimeSpan.Zero));

        for (var passe = 0; passe < 2; passe++)
        {
            await using var db = bd.Contexte();
            var bilan = await new DelibererSession(db, catalogue, horloge).ExecuterAsync(session, null, TestContext.Current.CancellationToken);
            Assert.Equal((4, 1, 1, 1, 1), (bilan.Deliberes, bilan.Admis, bilan.Ajournes, bilan.Elimines, bilan.Incomplets));
        }

        await using var lecture = bd.Contexte();
        var resultats = await lecture.ResultatsInscriptions.ToDictionaryAsync(r => r.InscriptionId, TestContext.Current.CancellationToken);
        Assert.Equal(4, resultats.Count); // the draft is not deliberated, and a second pass replaced the first
        Assert.Equal((Decision.Admis, 12m, 21m), (resultats[ids["admis"]].Decision, resultats[ids["admis"]].Moyenne!.Value, resultats[ids["admis"]].Coefficients));
        Assert.Equal(Decision.Ajourne, resultats[ids["ajourne"]].Decision);
        Assert.Equal(9m, resultats[ids["ajourne"]].Moyenne);
        Assert.Equal(Decision.Elimine, resultats[ids["elimine"]].Decision);
        Assert.Equal(Decision.Incomplet, resultats[ids["incomplet"]].Decision);
        Assert.Null(resultats[ids["incomplet"]].Moyenne);
    }
}
