using Deque.AxeCore.Commons;
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

    /// <summary>
    /// RGAA: axe finds no serious or critical violation on the current page. axe-core (the version Deque bundles) is
    /// put into the page once and run on the document, asking for the violations only: the same rules as Deque's
    /// <c>RunAxe</c>, which also collects every passing node and finishes in a second blank page (about 2 s a check
    /// here against 0.1–0.5 s). Our pages have no frames, the one thing that needs Deque's partial runs.
    /// </summary>
    public async Task VerifierAccessibiliteAsync()
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await Page.EvaluateAsync(ScriptAxe.Value);
        }

        var graves = await Page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
        Assert.True(graves.GetArrayLength() == 0, $"{Page.Url} : " + string.Join(" | ", graves.EnumerateArray().Select(v => v.GetString())));
        PagesVerifiees.Add(new Uri(Page.Url).AbsolutePath);
    }

    private static readonly Lazy<string> ScriptAxe = new(() => new BundledAxeScriptProvider().GetScript());

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
