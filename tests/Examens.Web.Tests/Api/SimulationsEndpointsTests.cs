using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Examens.Core.Simulations;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Api;

public class SimulationsEndpointsTests(UsineExamens usine) : IClassFixture<UsineExamens>
{
    private static string Exemple(string nom) => File.ReadAllText(Path.Combine(Racine.Depot, "docs", "examples", nom));

    private async Task<HttpResponseMessage> Poster(string route, string corps, string type = "application/json")
    {
        var contenu = new StringContent(corps, Encoding.UTF8);
        contenu.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await usine.CreateClient().PostAsync(new Uri(route, UriKind.Relative), contenu, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Deliberation_answers_200_with_the_same_bytes_as_the_command_line()
    {
        var reponse = await Poster("/api/v1/simulations/deliberation", Exemple("deliberation.json"));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/json", reponse.Content.Headers.ContentType?.MediaType);
        var octets = await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SimulationDeliberation.Executer(Encoding.UTF8.GetBytes(Exemple("deliberation.json"))).Json, octets);
    }

    [Fact]
    public async Task Registration_check_answers_200_for_the_contract_example()
    {
        var reponse = await Poster("/api/v1/simulations/registration", Exemple("registration.json"));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        using var json = JsonDocument.Parse(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_broken_rule_answers_422_with_the_errors()
    {
        var reponse = await Poster("/api/v1/simulations/registration", Exemple("registration.json").Replace("2023-11-15T15:59:59Z", "2023-11-15T16:00:00Z", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reponse.StatusCode);
        using var json = JsonDocument.Parse(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("P12", json.RootElement.GetProperty("errors")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task JSON_that_does_not_parse_answers_400()
    {
        var reponse = await Poster("/api/v1/simulations/deliberation", "{\"units\": [");
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var texte = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("INVALID_JSON", texte, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", texte, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")] // curl -d
    [InlineData("text/plain")]
    [InlineData(null)] // no Content-Type at all
    public async Task A_JSON_body_is_read_whatever_type_the_client_declares(string? type)
    {
        var contenu = new ByteArrayContent(Encoding.UTF8.GetBytes(Exemple("deliberation.json")));
        if (type is not null)
        {
            contenu.Headers.ContentType = new MediaTypeHeaderValue(type);
        }

        var reponse = await usine.CreateClient().PostAsync(new Uri("/api/v1/simulations/deliberation", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var octets = await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SimulationDeliberation.Executer(Encoding.UTF8.GetBytes(Exemple("deliberation.json"))).Json, octets);
    }

    [Fact]
    public async Task A_form_body_is_answered_400_as_JSON_that_does_not_parse()
    {
        var reponse = await Poster("/api/v1/simulations/deliberation", "referenceDate=2024-07-05", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Contains("INVALID_JSON", await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_body_is_refused_before_it_is_read_whole()
    {
        var enorme = "[" + string.Concat(Enumerable.Repeat("1,", 200_000)) + "1]";
        var reponse = await Poster("/api/v1/simulations/deliberation", enorme);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reponse.StatusCode);
    }

    [Fact]
    public async Task Deeply_nested_JSON_is_refused_in_French()
    {
        var profond = new string('[', 64) + new string(']', 64);
        var reponse = await Poster("/api/v1/simulations/deliberation", profond);
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Contains("imbriqué", await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
