using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using Examens.Web.Infrastructure.Admission;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Examens.Web.Tests.Infrastructure.Admission;

/// <summary>
/// A node with one place for newcomers, one reserved for candidates already admitted, and no queue: a held request
/// fills it, and what the next requests get says whether the admission control is right.
/// </summary>
public sealed class ControleAdmissionTests : IDisposable
{
    private readonly UsineExamens _usine = new();
    private readonly RequeteRetenue _retenue = new();
    private readonly WebApplicationFactory<Program> _portail;
    // A safety bound only: no assertion depends on how long anything takes.
    private readonly CancellationTokenSource _limite = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    public ControleAdmissionTests()
    {
        _limite.CancelAfter(TimeSpan.FromSeconds(30));
        _portail = _usine.WithWebHostBuilder(b =>
        {
            b.UseSetting("Examens:Admission:RequetesSimultanees", "1");
            b.UseSetting("Examens:Admission:PlacesReservees", "1");
            b.UseSetting("Examens:Admission:FileAttente", "0");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(_retenue));
        });
    }

    private CancellationToken Ct => _limite.Token;

    public void Dispose()
    {
        _retenue.Liberer();
        _portail.Dispose();
        _usine.Dispose();
        _limite.Dispose();
    }

    private HttpClient Navigateur() => _portail.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> AdmisAsync()
    {
        var admis = Navigateur();
        var accueil = await admis.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, accueil.StatusCode);
        Assert.Contains(accueil.Headers.GetValues("Set-Cookie"), c => c.StartsWith(BilletAdmission.NomCookie + "=", StringComparison.Ordinal));
        return admis;
    }

    private async Task<Task<HttpResponseMessage>> RetenirAsync(HttpClient client)
    {
        var enCours = client.GetAsync(new Uri(RequeteRetenue.Chemin, UriKind.Relative), Ct);
        await _retenue.AttendreEntreesAsync(1, Ct);
        return enCours;
    }

    [Fact]
    public async Task A_full_node_gives_a_newcomer_the_French_waiting_page_that_reloads_the_same_address()
    {
        var retenue = await RetenirAsync(Navigateur());

        var reponse = await Navigateur().GetAsync(new Uri("/compte/connexion?retour=%2Fcandidat", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reponse.StatusCode);
        var relance = reponse.Headers.RetryAfter?.Delta;
        Assert.NotNull(relance);
        Assert.InRange(relance.Value.TotalSeconds, 10, 15);
        var page = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(Ct));
        Assert.Equal("text/html", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<meta http-equiv=\"refresh\" content=\"{(int)relance.Value.TotalSeconds};url=/compte/connexion?retour=%2Fcandidat\">", page, StringComparison.Ordinal);
        Assert.Contains("Le portail est très sollicité", page, StringComparison.Ordinal);
        Assert.Contains("Rien de ce que vous avez déjà enregistré n'est perdu", page, StringComparison.Ordinal);
        Assert.Contains("L'heure limite est vérifiée par l'horloge du serveur au moment où votre demande est acceptée", page, StringComparison.Ordinal);
        Assert.Contains("se rechargera d'elle-même", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("script-src 'self'", reponse.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        _retenue.Liberer();
        Assert.Equal(HttpStatusCode.OK, (await retenue).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_to_a_full_node_is_said_not_taken_into_account()
    {
        var retenue = await RetenirAsync(Navigateur());

        using var formulaire = new FormUrlEncodedContent([new("Courriel", "x@exemple.fr")]);
        var reponse = await Navigateur().PostAsync(new Uri("/compte/connexion", UriKind.Relative), formulaire, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reponse.StatusCode);
        var page = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Le formulaire que vous venez d'envoyer n'a pas encore été pris en compte", page, StringComparison.Ordinal);
        _retenue.Liberer();
        await retenue;
    }

    [Fact]
    public async Task A_full_node_answers_the_API_with_SERVICE_BUSY_in_JSON()
    {
        var retenue = await RetenirAsync(Navigateur());

        using var corps = new StringContent("{}", Encoding.UTF8, "application/json");
        var reponse = await Navigateur().PostAsync(new Uri("/api/v1/simulations/registration", UriKind.Relative), corps, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reponse.StatusCode);
        Assert.NotNull(reponse.Headers.RetryAfter?.Delta);
        Assert.Equal("application/json", reponse.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await reponse.Content.ReadAsStringAsync(Ct));
        var erreur = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, erreur.GetProperty("rule").ValueKind);
        Assert.Equal("SERVICE_BUSY", erreur.GetProperty("code").GetString());
        Assert.StartsWith("Le service est très sollicité", erreur.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, erreur.GetProperty("path").ValueKind);
        _retenue.Liberer();
        await retenue;
    }

    [Fact]
    public async Task A_candidate_already_admitted_is_let_in_through_the_reserved_places_and_everyone_passes_once_released()
    {
        var admis = await AdmisAsync();
        var nouveau = Navigateur();
        var retenue = await RetenirAsync(Navigateur());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await nouveau.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admis.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        _retenue.Liberer();
        Assert.Equal(HttpStatusCode.OK, (await retenue).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nouveau.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_reserved_places_are_bounded_too()
    {
        var admis = await AdmisAsync();
        var retenueNouveau = await RetenirAsync(Navigateur());
        var retenueAdmis = await RetenirAsync(admis);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admis.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        _retenue.Liberer();
        await Task.WhenAll(retenueNouveau, retenueAdmis);
        Assert.Equal(HttpStatusCode.OK, (await admis.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task An_admission_unused_for_its_duration_or_a_forged_cookie_gives_no_priority()
    {
        var admis = await AdmisAsync();
        var retenue = await RetenirAsync(Navigateur());

        var faux = _portail.CreateClient();
        faux.DefaultRequestHeaders.Add("Cookie", BilletAdmission.NomCookie + "=CfDJ8-invente");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await faux.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        _usine.Horloge.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admis.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        _retenue.Liberer();
        await retenue;
    }

    [Fact]
    public async Task An_admitted_candidate_who_goes_on_keeps_the_priority_beyond_the_first_duration()
    {
        var admis = await AdmisAsync();
        _usine.Horloge.Advance(TimeSpan.FromMinutes(15));
        var renouvelee = await admis.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Contains(renouvelee.Headers.GetValues("Set-Cookie"), c => c.StartsWith(BilletAdmission.NomCookie + "=", StringComparison.Ordinal));
        _usine.Horloge.Advance(TimeSpan.FromMinutes(15));

        var retenue = await RetenirAsync(Navigateur());
        Assert.Equal(HttpStatusCode.OK, (await admis.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        _retenue.Liberer();
        await retenue;
    }

    [Fact]
    public async Task Probes_and_static_files_pass_a_full_node_and_the_gauges_show_it()
    {
        using var enCours = new MetricCollector<int>(_portail.Services.GetRequiredService<IMeterFactory>(), "Examens", "examens.admission.en_cours");
        using var enAttente = new MetricCollector<int>(_portail.Services.GetRequiredService<IMeterFactory>(), "Examens", "examens.admission.file_attente");
        var retenue = await RetenirAsync(Navigateur());
        var client = Navigateur();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/css/site.css", UriKind.Relative), Ct)).StatusCode);
        enCours.RecordObservableInstruments();
        enAttente.RecordObservableInstruments();
        Assert.Equal(1, enCours.LastMeasurement?.Value);
        Assert.Equal(0, enAttente.LastMeasurement?.Value);

        _retenue.Liberer();
        await retenue;
        enCours.RecordObservableInstruments();
        Assert.Equal(0, enCours.LastMeasurement?.Value);
    }
}
