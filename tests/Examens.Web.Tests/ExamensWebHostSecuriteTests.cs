using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Documents;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests;

/// <summary>Issue 7, item 4: the web surface (antiforgery, cookies, headers, logs, errors), checked on the running host.</summary>
public sealed partial class ExamensWebHostSecuriteTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly Uri Https = new("https://examens.test");

    private static byte[] UnPdf(string marque)
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return [.. flux.ToArray(), .. System.Text.Encoding.UTF8.GetBytes($"\n%{marque}\n")];
    }

    /// <summary>A candidate with a submitted registration carrying a file, and an administrator; both signed in.</summary>
    private static async Task<(ClientPortail Candidat, string Inscription, ClientPortail Admin)> PortailPeupleAsync(UsineExamens usine, string courriel = "surface@exemple.fr", string marque = "contenu-du-document")
    {
        var candidat = await Parcours.CandidatConnecteAsync(usine, courriel);
        var inscription = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, inscription);
        await candidat.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await candidat.DeposerAsync($"{inscription}/pieces", "D2", UnPdf(marque), "carte.pdf");
        var admin = await Parcours.PersonnelConnecteAsync(usine, "admin-" + courriel, RolesPersonnel.Administrateur);
        return (candidat, inscription, admin);
    }

    [Fact]
    public async Task Every_page_refuses_a_post_without_its_antiforgery_token()
    {
        using var usine = UsineExamens.Pour(BasesDeDonnees.Sqlite);
        var (candidat, _, admin) = await PortailPeupleAsync(usine);
        var anonyme = usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var gabarits = usine.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Contains("/candidat/inscriptions/{id:guid}/pieces", gabarits);
        Assert.Contains("/gestion/dossiers/{id:guid}", gabarits);

        var verifiees = new List<string>();
        foreach (var gabarit in gabarits)
        {
            // The error page is re-executed for refused posts: it must render, so it ignores the token and changes nothing.
            if (gabarit.StartsWith("erreur/", StringComparison.Ordinal) || gabarit.StartsWith("/erreur/", StringComparison.Ordinal))
            {
                continue;
            }

            var chemin = "/" + ParametreRegex().Replace(gabarit.TrimStart('/'), m => m.Groups[1].Value.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "1");
            // The enrolment page is for signed-in staff (an anonymous post is sent to sign in before any token check).
            var personnel = chemin.StartsWith("/gestion/", StringComparison.Ordinal)
                && (!chemin.StartsWith("/gestion/connexion", StringComparison.Ordinal) || chemin == "/gestion/connexion/authentificateur");
            var client = personnel ? admin.Http
                : chemin.StartsWith("/candidat", StringComparison.Ordinal) ? candidat.Http : anonyme;
            using var vide = new FormUrlEncodedContent([new("x", "1")]);
            var reponse = await client.PostAsync(new Uri(chemin, UriKind.Relative), vide, Ct);
            Assert.True(reponse.StatusCode == HttpStatusCode.BadRequest, $"POST {chemin} sans jeton : {(int)reponse.StatusCode}");
            verifiees.Add(chemin);
        }

        Assert.True(verifiees.Count >= 20, string.Join(", ", verifiees));
    }

    [Fact]
    public async Task Every_rendered_post_form_carries_the_token_and_no_page_has_inline_script_or_style()
    {
        using var usine = UsineExamens.Pour(BasesDeDonnees.Sqlite);
        var (candidat, inscription, admin) = await PortailPeupleAsync(usine);
        var anonyme = new ClientPortail(usine.CreateClient());
        var vues = new List<string>();
        await ParcourirAsync(anonyme, ["/", "/compte/creer", "/compte/connexion", "/compte/mot-de-passe-oublie", "/gestion/connexion"], vues);
        await ParcourirAsync(candidat, ["/candidat", $"{inscription}/identite", $"{inscription}/pieces", "/candidat/identite/correction"], vues);
        await ParcourirAsync(admin, ["/gestion/dossiers", "/gestion/corrections"], vues);

        Assert.Contains($"{inscription}/recapitulatif", vues);
        Assert.Contains(vues, v => v.StartsWith("/gestion/dossiers/", StringComparison.Ordinal));
        Assert.True(vues.Count >= 15, string.Join(", ", vues));
    }

    /// <summary>Follows same-site links (HTML pages only, not downloads, not sign-out) from the starts, checking each page.</summary>
    private static async Task ParcourirAsync(ClientPortail client, string[] departs, List<string> vues)
    {
        var aVoir = new Queue<string>(departs);
        var vus = new HashSet<string>(StringComparer.Ordinal);
        while (aVoir.TryDequeue(out var url) && vus.Count < 80)
        {
            if (!vus.Add(url))
            {
                continue;
            }

            var reponse = await client.Http.GetAsync(new Uri(url, UriKind.Relative), Ct);
            if (reponse.Content.Headers.ContentType?.MediaType != "text/html" || !reponse.IsSuccessStatusCode)
            {
                continue;
            }

            var html = await reponse.Content.ReadAsStringAsync(Ct);
            vues.Add(url);
            foreach (Match formulaire in FormulairePostRegex().Matches(html))
            {
                Assert.True(formulaire.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal), $"{url} : formulaire POST sans jeton antiforgery :\n{formulaire.Value[..Math.Min(300, formulaire.Value.Length)]}");
            }

            Assert.False(ScriptEnLigneRegex().IsMatch(html), $"{url} : script en ligne");
            Assert.False(AttributEvenementRegex().IsMatch(html), $"{url} : attribut d'événement en ligne");
            Assert.False(StyleEnLigneRegex().IsMatch(html), $"{url} : style en ligne");
            foreach (Match lien in LienRegex().Matches(html))
            {
                var cible = WebUtility.HtmlDecode(lien.Groups[1].Value).Split('#')[0];
                if (cible.Length > 0 && !cible.Contains("handler=", StringComparison.Ordinal) && !cible.StartsWith("/compte/deconnexion", StringComparison.Ordinal) && !cible.EndsWith(".csv", StringComparison.Ordinal))
                {
                    aVoir.Enqueue(cible);
                }
            }
        }
    }

    [Fact]
    public async Task Over_https_every_cookie_is_secure_httponly_and_samesite_and_hsts_is_sent()
    {
        using var usine = UsineExamens.Pour(BasesDeDonnees.Sqlite);
        var cookies = new List<string>();
        var capture = new CaptureCookies(cookies);
        var http = usine.CreateDefaultClient(Https, new RedirectHandler(), new CookieContainerHandler(), capture);
        var client = new ClientPortail(http);
        const string Courriel = "https@exemple.fr";
        await client.SoumettreAsync("/compte/creer", [new("Courriel", Courriel), new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)]);
        var lien = Regex.Match(usine.DernierCourrielPour(Courriel).TextBody ?? "", @"(https?://\S+/compte/confirmer\S+)").Groups[1].Value;
        await client.GetAsync(new Uri(lien).PathAndQuery);
        await client.SoumettreAsync("/compte/connexion", [new("Courriel", Courriel), new("MotDePasse", Parcours.MotDePasse)]);
        await Parcours.CommencerAsync(usine, client);
        var cle = await Parcours.CreerPersonnelAsync(usine, "https-agent@exemple.fr", RolesPersonnel.Administrateur);
        var agent = new ClientPortail(usine.CreateDefaultClient(Https, new RedirectHandler(), new CookieContainerHandler(), new CaptureCookies(cookies)));
        await agent.SoumettreAsync("/gestion/connexion", [new("Courriel", "https-agent@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        await agent.SoumettreAsync("/gestion/connexion/code", [new("Code", Totp.Code(cle))]);
        await agent.GetAsync("/gestion/dossiers");
        Assert.Contains("Dossiers", agent.DernierePage, StringComparison.Ordinal);

        var noms = cookies.Select(c => c.Split('=')[0]).Distinct().ToList();
        Assert.Contains("examens", noms);
        Assert.Contains("examens-af", noms);
        Assert.Contains("examens-modifie", noms); // set by the registration started above
        Assert.All(cookies, c =>
        {
            var attributs = c.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributs.Contains("secure"), c); // deletions included: a browser drops a non-secure deletion of a secure cookie
            Assert.True(attributs.Contains("httponly"), c);
            Assert.True(attributs.Contains("samesite=lax") || attributs.Contains("samesite=strict"), c);
        });

        var reponse = await http.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal("max-age=31536000; includeSubDomains", reponse.Headers.GetValues("Strict-Transport-Security").Single());
        var clair = await usine.CreateClient().GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.False(clair.Headers.Contains("Strict-Transport-Security")); // meaningless, and ignored, over plain HTTP
    }

    [Fact]
    public async Task Every_answer_carries_a_strict_csp_without_inline_script_and_refuses_framing()
    {
        using var usine = UsineExamens.Pour(BasesDeDonnees.Sqlite);
        var client = usine.CreateClient();
        foreach (var url in new[] { "/", "/compte/connexion", "/page-inexistante", "/css/site.css" })
        {
            var reponse = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            var csp = reponse.Headers.GetValues("Content-Security-Policy").Single();
            var directives = csp.Split(';').Select(d => d.Trim()).ToList();
            Assert.Contains("default-src 'self'", directives);
            Assert.Contains("script-src 'self'", directives);
            Assert.Contains("frame-ancestors 'none'", directives);
            Assert.Contains("object-src 'none'", directives);
            Assert.Contains("base-uri 'none'", directives);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", reponse.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", reponse.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_whole_registration_journey_writes_no_personal_data_in_the_logs(string baseDeDonnees)
    {
        var journal = new JournalCapture();
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Remplacements = journal.Installer;
        const string Marque = "Contenu-Confidentiel-7f3a";
        var (candidat, inscription, admin) = await PortailPeupleAsync(usine, "journal.perso@exemple.fr", Marque);
        await candidat.GetAsync($"{inscription}/confirmation");
        var id = inscription.Split('/')[^1];
        await admin.GetAsync($"/gestion/dossiers/{id}");
        var lien = Regex.Match(admin.DernierePage, "href=\"(/gestion/dossiers/[^\"]*handler=Piece[^\"]*)\"").Groups[1].Value;
        var piece = await admin.Http.GetAsync(new Uri(WebUtility.HtmlDecode(lien), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, piece.StatusCode);
        await admin.GetAsync("/gestion/dossiers?q=Lef%C3%A8vre");

        var lignes = journal.Lignes.ToList();
        Assert.True(lignes.Count > 50, $"seulement {lignes.Count} lignes capturées");
        string[] personnelles = ["Lefèvre", "Lef%C3%A8vre", "Çağlar", "Élodie", "29/02/2000", "2000-02-29", "Fort-de-France", "rue des Écoles", "journal.perso@exemple.fr", "journal.perso", "admin-journal.perso", Marque, Parcours.MotDePasse];
        var fuites = lignes.Where(l => personnelles.Any(d => l.Contains(d, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(fuites.Count == 0, string.Join("\n", fuites.Select(f => f[..Math.Min(400, f.Length)])));
    }

    [Fact]
    public async Task An_unexpected_failure_shows_a_french_page_with_a_reference_and_no_internals()
    {
        using var usine = UsineExamens.Pour(BasesDeDonnees.Sqlite);
        usine.Remplacements = s => s.AddSingleton<IStockageDocuments>(new StockageEnPanne());
        var candidat = await Parcours.CandidatConnecteAsync(usine, "panne@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, inscription);

        var reponse = await candidat.DeposerAsync($"{inscription}/pieces", "D2", UnPdf("x"), "carte.pdf");

        Assert.Equal(HttpStatusCode.InternalServerError, reponse.StatusCode);
        Assert.Contains("Une erreur est survenue", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Matches("donnez au service des examens la référence [0-9a-f]{32}", candidat.DernierePage);
        foreach (var interne in new[] { "hunter2", "Host=", "InvalidOperationException", "StockageEnPanne", " at ", ".cs:line", "Examens.Core" })
        {
            Assert.DoesNotContain(interne, candidat.DernierePage, StringComparison.Ordinal);
        }
    }

    private sealed class StockageEnPanne : IStockageDocuments
    {
        private static InvalidOperationException Panne() => new("Host=db-interne.example;Password=hunter2: connexion refusée");

        public Task<DocumentStocke> EnregistrerAsync(Stream contenu, CancellationToken annulation) => throw Panne();

        public Task<Stream?> OuvrirAsync(string empreinte, CancellationToken annulation) => throw Panne();

        public Task<bool> ExisteAsync(string empreinte, CancellationToken annulation) => throw Panne();

        public Task SupprimerAsync(string empreinte, CancellationToken annulation) => throw Panne();

        public Task<bool> EstDisponibleAsync(CancellationToken annulation) => Task.FromResult(true);
    }

    private sealed class CaptureCookies(List<string> cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var reponse = await base.SendAsync(request, cancellationToken);
            if (reponse.Headers.TryGetValues("Set-Cookie", out var valeurs))
            {
                lock (cookies)
                {
                    cookies.AddRange(valeurs);
                }
            }

            return reponse;
        }
    }

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex ParametreRegex();

    [GeneratedRegex(@"<form\b[^>]*method=""post""[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormulairePostRegex();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptEnLigneRegex();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex AttributEvenementRegex();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=|<style\b", RegexOptions.IgnoreCase)]
    private static partial Regex StyleEnLigneRegex();

    [GeneratedRegex(@"href=""(/[^""]*)""")]
    private static partial Regex LienRegex();
}
