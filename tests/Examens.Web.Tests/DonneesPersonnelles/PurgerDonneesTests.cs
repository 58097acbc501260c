using Examens.Core.Documents;
using Examens.Core.DonneesPersonnelles;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Domain.Deliberations;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.DonneesPersonnelles;

/// <summary>The purge end to end: registrations and documents made through the portal, then purged past the session's retention.</summary>
public sealed class PurgerDonneesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static byte[] UnPdf(string marque)
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return [.. flux.ToArray(), .. System.Text.Encoding.ASCII.GetBytes($"\n%{marque}\n")];
    }

    private static async Task<Guid> DossierAsync(UsineExamens usine, string courriel)
    {
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await client.DeposerAsync($"{inscription}/pieces", "D2", UnPdf(courriel), "carte.pdf");
        Assert.Contains("bien reçu", client.DernierePage, StringComparison.Ordinal);
        return Guid.Parse(inscription.Split('/')[^1]);
    }

    private static async Task<BilanPurge> PurgerAsync(UsineExamens usine, bool simulation)
    {
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        return await new PurgerDonnees(db, new StockageDocumentsDossier(Path.Combine(usine.Dossier, "documents")), usine.Horloge).ExecuterAsync(simulation, "operateur", Ct);
    }

    private static int Fichiers(UsineExamens usine) =>
        Directory.GetFiles(Path.Combine(usine.Dossier, "documents"), "*", SearchOption.AllDirectories).Count(f => !f.StartsWith(Path.Combine(usine.Dossier, "documents", "tmp"), StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Past_retention_documents_and_registrations_go_grades_still_valid_stay_and_a_dry_run_changes_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        // The clock jumps years ahead: a periodic background timer would fire for every period skipped.
        usine.Reglages["Examens:TachesDeFond"] = "false";
        var sansNotes = await DossierAsync(usine, "sans.notes@exemple.fr");
        var avecNotes = await DossierAsync(usine, "avec.notes@exemple.fr");
        DateOnly deliberation;
        int sessionId;
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var session = await db.Inscriptions.Where(i => i.Id == avecNotes).Select(i => i.AcademieSession.Session).SingleAsync(Ct);
            (deliberation, sessionId) = (session.DateDeliberation, session.Id);
            Assert.Equal(12, session.ConservationMois); // the default
            db.NotesUnites.Add(new NoteUnite { InscriptionId = avecNotes, Unite = "U1", Nature = NatureResultat.Note, Note = 14m, ObtenueLe = deliberation });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(2, Fichiers(usine));
        usine.Horloge.SetUtcNow(new DateTimeOffset(deliberation.AddMonths(12).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        Assert.Empty((await PurgerAsync(usine, simulation: false)).Sessions); // the last day of retention: nothing goes

        usine.Horloge.SetUtcNow(new DateTimeOffset(deliberation.AddMonths(12).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var essai = await PurgerAsync(usine, simulation: true);
        var ligne = Assert.Single(essai.Sessions);
        Assert.Equal((1, 1, 2, 2, 2), (ligne.InscriptionsSupprimees, ligne.InscriptionsGardeesPourNotes, ligne.Versions, ligne.Pieces, essai.Fichiers));
        Assert.True(essai.Simulation);
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            Assert.Equal(2, await db.PiecesDeposees.CountAsync(Ct));
            Assert.False(await db.Journal.AnyAsync(e => e.Action == "donnees.purgees", Ct));
        }

        Assert.Equal(2, Fichiers(usine));

        var bilan = await PurgerAsync(usine, simulation: false);
        Assert.Equal(ligne, Assert.Single(bilan.Sessions));
        Assert.Equal(2, bilan.Fichiers);
        Assert.Equal(0, Fichiers(usine));
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            Assert.False(await db.Inscriptions.AnyAsync(i => i.Id == sansNotes, Ct));
            var gardee = await db.Inscriptions.Include(i => i.Versions).Include(i => i.Pieces).SingleAsync(i => i.Id == avecNotes, Ct);
            Assert.Empty(gardee.Versions);
            Assert.Empty(gardee.Pieces);
            Assert.Equal("{}", gardee.Brouillon);
            Assert.Equal(14m, (await db.NotesUnites.SingleAsync(n => n.InscriptionId == avecNotes, Ct)).Note);
            var trace = await db.Journal.SingleAsync(e => e.Action == "donnees.purgees", Ct);
            Assert.Equal($"session:{sessionId}", trace.Cible);
            Assert.Equal("operateur", trace.Acteur);
            Assert.StartsWith("1 inscription(s) supprimée(s), 1 gardée(s) pour leurs notes (P1)", trace.Apres, StringComparison.Ordinal);
        }

        Assert.Empty((await PurgerAsync(usine, simulation: false)).Sessions); // nothing left to do

        // P1: once the grade can no longer serve (five years after the deliberation), the registration goes too.
        usine.Horloge.SetUtcNow(new DateTimeOffset(deliberation.AddYears(5).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var fin = Assert.Single((await PurgerAsync(usine, simulation: false)).Sessions);
        Assert.Equal((1, 0, 1), (fin.InscriptionsSupprimees, fin.InscriptionsGardeesPourNotes, fin.Notes));
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            Assert.False(await db.Inscriptions.AnyAsync(i => i.AcademieSession.SessionId == sessionId, Ct));
            Assert.False(await db.NotesUnites.AnyAsync(Ct));
            Assert.True(await db.Users.AnyAsync(u => u.Email == "avec.notes@exemple.fr", Ct)); // accounts stay
        }
    }
}
