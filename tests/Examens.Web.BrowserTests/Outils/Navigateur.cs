using Deque.AxeCore.Playwright;
using Examens.Web.Tests.Outils;
using Microsoft.Playwright;

namespace Examens.Web.BrowserTests.Outils;

/// <summary>
/// The real host on a loopback port (Kestrel) and Debian's Chromium driven by Playwright, on a phone-sized screen.
/// Every page a test opens can be checked with axe.
/// </summary>
public sealed class Navigateur : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _navigateur;

    public UsineExamens Usine { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    public string Adresse { get; private set; } = "";

    public List<string> PagesVerifiees { get; } = [];

    public static async Task<Navigateur> OuvrirAsync(int largeur = 390, int hauteur = 844, string baseDeDonnees = BasesDeDonnees.Sqlite)
    {
        var n = new Navigateur { Usine = UsineExamens.Pour(baseDeDonnees) };
        n.Usine.UseKestrel(0);
        n.Usine.StartServer();
        n.Adresse = n.Usine.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        n._playwright = await Playwright.CreateAsync();
        n._navigateur = await n._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var contexte = await n._navigateur.NewContextAsync(new() { ViewportSize = new() { Width = largeur, Height = hauteur }, Locale = "fr-FR", AcceptDownloads = true });
        n.Page = await contexte.NewPageAsync();
        return n;
    }

    public async Task AllerAsync(string chemin) => await Page.GotoAsync($"{Adresse}{chemin}");

    /// <summary>RGAA: axe finds no serious or critical violation on the current page.</summary>
    public async Task VerifierAccessibiliteAsync()
    {
        var resultats = await Page.RunAxe();
        var graves = resultats.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(graves.Count == 0,
            $"{Page.Url} : " + string.Join(" | ", graves.Select(v => $"{v.Id} ({v.Impact}) : {v.Help} — {string.Join(", ", v.Nodes.Select(x => string.Join(" ", x.Target)))}")));
        PagesVerifiees.Add(new Uri(Page.Url).AbsolutePath);
    }

    public async ValueTask DisposeAsync()
    {
        if (_navigateur is not null)
        {
            await _navigateur.DisposeAsync();
        }

        _playwright?.Dispose();
        await Usine.DisposeAsync();
    }
}
