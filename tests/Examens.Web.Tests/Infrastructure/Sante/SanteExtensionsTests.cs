using System.Net;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Infrastructure.Sante;

public sealed class SanteExtensionsTests : IDisposable
{
    private readonly UsineExamens _usine = new();

    public void Dispose() => _usine.Dispose();

    private async Task<(HttpStatusCode Statut, string Corps, string? Type)> LireAsync(string url)
    {
        var reponse = await _usine.CreateClient().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return (reponse.StatusCode, await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), reponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_node_with_its_database_and_documents_is_alive_and_ready()
    {
        Assert.Equal((HttpStatusCode.OK, "ok", "text/plain"), await LireAsync("/healthz"));
        Assert.Equal((HttpStatusCode.OK, """{"status":"ready","checks":{"database":"ok","documents":"ok"}}""", "application/json"), await LireAsync("/readyz"));
    }

    [Fact]
    public async Task A_node_whose_document_folder_is_unusable_is_alive_but_not_ready_and_says_which_check_failed()
    {
        await LireAsync("/healthz"); // the host is up before its folder is spoilt
        var documents = Path.Combine(_usine.Dossier, "documents");
        if (Directory.Exists(documents))
        {
            Directory.Delete(documents, recursive: true);
        }

        // A file where the folder should be: unlike chmod, it holds when the tests run as root.
        await File.WriteAllTextAsync(documents, "pas un dossier", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, (await LireAsync("/healthz")).Statut);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, """{"status":"not_ready","checks":{"database":"ok","documents":"failed"}}""", "application/json"),
            await LireAsync("/readyz"));
    }

    [Fact]
    public async Task A_node_without_its_database_is_not_ready()
    {
        await LireAsync("/healthz");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(_usine.Dossier, "examens.db"));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, """{"status":"not_ready","checks":{"database":"failed","documents":"ok"}}""", "application/json"),
            await LireAsync("/readyz"));
    }
}
