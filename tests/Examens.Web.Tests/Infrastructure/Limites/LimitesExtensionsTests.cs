using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Infrastructure.Limites;

/// <summary>
/// Issue 7 item 2: rate limits on sign-in, sign-up, password reset, uploads and the simulators answer 429 with
/// Retry-After and French text. The built-in limiters count on the system clock (no TimeProvider): the limits here
/// are small (2 per hour) so no window ends during a test, and nothing waits.
/// </summary>
public sealed class LimitesExtensionsTests
{
    private static UsineExamens Usine(string baseDeDonnees, string limite)
    {
        var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages[$"Examens:Limites:{limite}:Nombre"] = "2";
        usine.Reglages[$"Examens:Limites:{limite}:FenetreSecondes"] = "3600";
        return usine;
    }

    private static void Verifier429(HttpResponseMessage reponse, string page)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, reponse.StatusCode);
        var attente = int.Parse(reponse.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(attente, 1, 3600);
        Assert.Contains("Trop de demandes en peu de temps", page, StringComparison.Ordinal);
        Assert.Contains("Rien n'a été enregistré", page, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_third_sign_up_from_one_address_is_refused_with_429_and_no_account_is_made(string baseDeDonnees)
    {
        using var usine = Usine(baseDeDonnees, "CreationCompte");
        var client = new ClientPortail(usine.CreateClient());
        for (var i = 0; i < 2; i++)
        {
            var r = await client.SoumettreAsync("/compte/creer", [new("Courriel", $"c{i}@exemple.fr"), new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)]);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        var reponse = await client.SoumettreAsync("/compte/creer", [new("Courriel", "c3@exemple.fr"), new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)]);

        Verifier429(reponse, client.DernierePage);
        Assert.Contains("<html lang=\"fr\"", client.DernierePage, StringComparison.Ordinal);
        using var portee = usine.Services.CreateScope();
        Assert.DoesNotContain(portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Users, u => u.Email == "c3@exemple.fr");
        // Reading the page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/creer")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address()
    {
        using var usine = Usine(BasesDeDonnees.Sqlite, "Connexion");
        var client = new ClientPortail(usine.CreateClient());
        HttpResponseMessage reponse = null!;
        for (var i = 0; i < 3; i++)
        {
            reponse = await client.SoumettreAsync("/compte/connexion", [new("Courriel", "personne@exemple.fr"), new("MotDePasse", "mauvais mot de passe")]);
        }

        Verifier429(reponse, client.DernierePage);
    }

    [Fact]
    public async Task Password_reset_requests_are_limited_and_the_third_sends_no_mail()
    {
        using var usine = Usine(BasesDeDonnees.Sqlite, "MotDePasse");
        await Parcours.CandidatConnecteAsync(usine, "oubli@exemple.fr");
        var client = new ClientPortail(usine.CreateClient());
        for (var i = 0; i < 2; i++)
        {
            await client.SoumettreAsync("/compte/mot-de-passe-oublie", [new("Courriel", "oubli@exemple.fr")]);
        }

        var avant = usine.Courriels().Count;
        var reponse = await client.SoumettreAsync("/compte/mot-de-passe-oublie", [new("Courriel", "oubli@exemple.fr")]);

        Verifier429(reponse, client.DernierePage);
        Assert.Equal(avant, usine.Courriels().Count);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Uploads_are_limited_per_account_and_another_candidate_at_the_same_address_keeps_their_own_budget(string baseDeDonnees)
    {
        using var usine = Usine(baseDeDonnees, "Depots");
        var premier = await Parcours.CandidatConnecteAsync(usine, "depots1@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, premier);
        await Parcours.RemplirAsync(premier, inscription);
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        for (var i = 0; i < 2; i++)
        {
            await premier.DeposerAsync($"{inscription}/pieces", "D2", flux.ToArray(), "carte.pdf");
        }

        var reponse = await premier.DeposerAsync($"{inscription}/pieces", "D2", flux.ToArray(), "carte.pdf");
        Verifier429(reponse, premier.DernierePage);
        using (var portee = usine.Services.CreateScope())
        {
            Assert.Equal(2, portee.ServiceProvider.GetRequiredService<ExamensDbContext>().PiecesDeposees.Count());
        }

        var second = await Parcours.CandidatConnecteAsync(usine, "depots2@exemple.fr");
        var autre = await Parcours.CommencerAsync(usine, second);
        await Parcours.RemplirAsync(second, autre);
        Assert.Equal(HttpStatusCode.OK, (await second.DeposerAsync($"{autre}/pieces", "D2", flux.ToArray(), "carte.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_simulators_answer_429_in_JSON_with_Retry_After()
    {
        using var usine = Usine(BasesDeDonnees.Sqlite, "Simulations");
        var http = usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        HttpResponseMessage reponse = null!;
        for (var i = 0; i < 3; i++)
        {
            using var contenu = new StringContent("{}", Encoding.UTF8);
            contenu.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            reponse = await http.PostAsync(new Uri("/api/v1/simulations/deliberation", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        }

        var texte = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Verifier429(reponse, texte);
        Assert.Equal("application/json", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"TOO_MANY_REQUESTS\"", texte, StringComparison.Ordinal);
    }
}
