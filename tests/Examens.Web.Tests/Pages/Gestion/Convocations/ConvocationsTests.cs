using System.Globalization;
using System.Net;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace Examens.Web.Tests.Pages.Gestion.Convocations;

public sealed class ConvocationsTests
{
    private static string Pdf(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return string.Join(" | ", document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R69_P22_convocations_are_published_in_one_batch_mailed_offered_on_the_home_page_and_lock_the_registration(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, inscription) = await ParcoursConvocations.CandidatSoumisAsync(usine, "elodie@exemple.fr");
        var session = ParcoursConvocations.Session(usine);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        await agent.GetAsync("/gestion/dossiers");
        Assert.Contains($"href=\"/gestion/sessions/{session}/convocations\"", agent.DernierePage, StringComparison.Ordinal);
        await ParcoursConvocations.PreparerAsync(agent, session);

        // Not before every candidate has a centre: nothing is published, and the page says who is missing.
        await agent.SoumettreAsync($"/gestion/sessions/{session}/convocations", [], "Publier");
        Assert.Matches("Candidat [0-9A-Z-]+ : aucun centre d'examen affecté.", agent.DernierePage);
        Assert.Null(usine.Courriels().FirstOrDefault(c => (c.Subject ?? "").StartsWith("Votre convocation", StringComparison.Ordinal)));

        await agent.SoumettreAsync($"/gestion/sessions/{session}/convocations", [], "Affecter");
        Assert.Contains("1 candidat(s) affecté(s).", agent.DernierePage, StringComparison.Ordinal);
        var pageOuverte = agent.DernierePage;
        await agent.SoumettreAsync($"/gestion/sessions/{session}/convocations", [], "Publier");
        Assert.Contains("Convocations publiées : 1 candidat(s), 1 courriel(s) envoyé(s). Les inscriptions sont verrouillées.", agent.DernierePage, StringComparison.Ordinal);

        var courriel = usine.DernierCourrielPour("elodie@exemple.fr");
        Assert.Equal("Votre convocation – BTS session 2024", courriel.Subject);
        Assert.Contains("Téléchargez-la depuis votre espace candidat", courriel.TextBody ?? "", StringComparison.Ordinal);

        await candidat.GetAsync("/candidat");
        Assert.Contains($"href=\"{inscription}/convocation\"", candidat.DernierePage, StringComparison.Ordinal);
        var reponse = await candidat.Http.GetAsync(new Uri($"{inscription}/convocation", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        var texte = Pdf(await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Lefèvre-Çağlar Élodie Marie", texte, StringComparison.Ordinal);
        Assert.Contains("Lycée Arago 4 place de la Nation 75012 Paris", texte, StringComparison.Ordinal);
        Assert.Contains("U1 – Culture générale et expression le lundi 13 mai 2024 à 09:00, durée 4 h", texte, StringComparison.Ordinal);
        Assert.Contains("UF1 – Langue vivante facultative : arabe (arabe littéral) (facultative) le samedi 18 mai 2024 à 09:00", texte, StringComparison.Ordinal);
        Assert.Contains("Les résultats sont publiés le vendredi 5 juillet 2024 à 10:00", texte.Split(" | ")[^1], StringComparison.Ordinal);

        // P22, R60: after the convocations nobody changes the registration, not even inside the window.
        await candidat.GetAsync($"{inscription}/identite");
        await candidat.SoumettreAsync($"{inscription}/identite", [new("Saisie.Ville", "Lyon"), new("aller", "situation")]);
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var i = await db.Inscriptions.SingleAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Lyon", i.Brouillon, StringComparison.Ordinal);
            var s = await db.Sessions.SingleAsync(x => x.Id == session, TestContext.Current.CancellationToken);
            Assert.True(s.ConvocationsPubliees);
            Assert.Equal(usine.Horloge.GetUtcNow().UtcDateTime, s.ConvocationsPublieesLeUtc);
            var trace = await db.Journal.SingleAsync(e => e.Action == "convocations.publiees", TestContext.Current.CancellationToken);
            Assert.Equal($"session:{session}", trace.Cible);
        }

        // A page opened before the publication cannot change the centres afterwards.
        var convocations = $"/gestion/sessions/{session}/convocations";
        await agent.PosterDepuisAsync(pageOuverte, convocations, $"{convocations}?handler=Affecter", []);
        Assert.Contains("Les convocations de cette session sont publiées : centres, calendrier et affectations ne changent plus.", agent.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Before_publication_the_candidate_has_no_convocation_and_an_officer_outside_the_session_sees_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, inscription) = await ParcoursConvocations.CandidatSoumisAsync(usine, "paul@exemple.fr");
        var session = ParcoursConvocations.Session(usine);
        await candidat.GetAsync("/candidat");
        Assert.DoesNotContain("/convocation\"", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await candidat.GetAsync($"{inscription}/convocation")).StatusCode);

        var ailleurs = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "AUCUNE");
        Assert.Equal(HttpStatusCode.NotFound, (await ailleurs.GetAsync($"/gestion/sessions/{session}/convocations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ailleurs.GetAsync($"/gestion/sessions/{session}/centres")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ailleurs.GetAsync($"/gestion/sessions/{session}/notes")).StatusCode);
    }
}
