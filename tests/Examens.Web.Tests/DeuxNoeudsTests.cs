using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests;

/// <summary>
/// Two web hosts on two loopback ports, sharing only a PostgreSQL database (keys, documents, registrations), behind
/// nginx (Debian's package, started by the test): nothing a request needs lives in one node's memory or disk.
/// </summary>
public sealed partial class DeuxNoeudsTests : IAsyncDisposable
{
    private readonly string _base;
    private readonly string _chaine;
    private readonly UsineExamens _noeud1;
    private readonly UsineExamens _noeud2;
    private readonly CookieContainer _cookies = new();
    private Process? _nginx;
    private string? _dossierNginx;

    public DeuxNoeudsTests()
    {
        (_chaine, _base) = BasesDeDonnees.CreerBasePostgres();
        _noeud1 = Demarrer();
        // The first node creates the schema, the demonstration data and the data-protection key before the second starts.
        using (var c = new HttpClient { BaseAddress = _noeud1.ClientOptions.BaseAddress })
        {
            c.GetAsync(new Uri("/compte/creer", UriKind.Relative), TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        }

        _noeud2 = Demarrer();
    }

    private readonly string _cleDocuments = "noeuds:" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private UsineExamens Demarrer()
    {
        var usine = UsineExamens.Noeud(_chaine);
        usine.Reglages["Examens:Documents:Stockage"] = "base";
        // Every node has the same document key (docs/security.md): a file stored by one is read by the other.
        usine.Reglages["Examens:Documents:Cle"] = _cleDocuments;
        usine.UseKestrel(0);
        usine.StartServer();
        return usine;
    }

    private ClientPortail Client(UsineExamens noeud) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = true }) { BaseAddress = noeud.ClientOptions.BaseAddress });

    private string LienDeConfirmation(string courriel) =>
        LienRegex().Match(new[] { _noeud1, _noeud2 }.SelectMany(n => n.Courriels()).Last(m => m.To.Mailboxes.Any(b => b.Address == courriel)).TextBody ?? "").Groups[1].Value;

    private async Task<(ClientPortail Client, string Inscription)> InscrireAsync(ClientPortail client, ClientPortail autre, string courriel)
    {
        await client.SoumettreAsync("/compte/creer", [new("Courriel", courriel), new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)]);
        await autre.GetAsync(new Uri(LienDeConfirmation(courriel)).PathAndQuery);
        Assert.Contains("Votre adresse électronique est confirmée", autre.DernierePage, StringComparison.Ordinal);
        await client.SoumettreAsync("/compte/connexion", [new("Courriel", courriel), new("MotDePasse", Parcours.MotDePasse)]);
        var reponse = await autre.SoumettreAsync("/candidat", [new("academieSessionId", Parcours.Academie(_noeud1, "SIEC").ToString(System.Globalization.CultureInfo.InvariantCulture))], "Commencer");
        var inscription = reponse.RequestMessage!.RequestUri!.AbsolutePath.Replace("/identite", "", StringComparison.Ordinal);
        return (client, inscription);
    }

    [Fact]
    public async Task A_registration_begun_on_one_node_is_finished_on_the_other_and_a_double_submit_makes_one_version()
    {
        var un = Client(_noeud1);
        var deux = Client(_noeud2);
        var (_, inscription) = await InscrireAsync(un, deux, "noeuds@exemple.fr");

        // The cookie and the antiforgery token made by node 1 are valid on node 2, and the reverse.
        await Parcours.RemplirAsync(un, inscription);
        await deux.GetAsync($"{inscription}/recapitulatif");
        Assert.Contains("Maintenance des systèmes", deux.DernierePage, StringComparison.Ordinal);

        // Upload through node 1, download through node 2.
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        await un.DeposerAsync($"{inscription}/pieces", "D2", flux.ToArray(), "carte.pdf");
        await deux.GetAsync($"{inscription}/pieces");
        var lien = WebUtility.HtmlDecode(TelechargerRegex().Match(deux.DernierePage).Groups[1].Value);
        var telecharge = await deux.Http.GetByteArrayAsync(new Uri(lien, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(flux.ToArray(), telecharge);

        // The same submission from both nodes at once: one version, and both answers are receipts, not error pages.
        var reponses = await Task.WhenAll(
            un.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre"),
            deux.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre"));
        Assert.All(reponses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("Version <strong>1</strong>", un.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Version <strong>1</strong>", deux.DernierePage, StringComparison.Ordinal);
        using var portee = _noeud1.Services.CreateScope();
        var id = Guid.Parse(inscription.Split('/').Last());
        Assert.Equal(1, await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().VersionsInscription.CountAsync(v => v.InscriptionId == id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_home_page_on_one_node_shows_at_once_what_the_candidate_just_did_on_the_other()
    {
        var un = Client(_noeud1);
        var deux = Client(_noeud2);
        var (_, inscription) = await InscrireAsync(un, deux, "accueil@exemple.fr");
        await Parcours.RemplirAsync(un, inscription);

        // Node 2 reads the home page and keeps its rows (AccueilEnCache); the clocks do not move in this test, so
        // nothing but the candidate's own change can make node 2 read them again.
        await deux.GetAsync("/candidat");
        Assert.Contains("Brouillon, pas encore transmis", deux.DernierePage, StringComparison.Ordinal);
        await un.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        Assert.Contains("Version <strong>1</strong>", un.DernierePage, StringComparison.Ordinal);

        // Node 2's copy was not emptied (the save was node 1's), but it was read before the submission.
        await deux.GetAsync("/candidat");
        Assert.Contains("Soumise : version 1", deux.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Brouillon, pas encore transmis", deux.DernierePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_nginx_the_whole_journey_works_whichever_node_answers()
    {
        var port = DemarrerNginx();
        var client = new ClientPortail(new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        var (_, inscription) = await InscrireAsync(client, client, "nginx@exemple.fr");
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        Assert.Contains("Version <strong>1</strong>", client.DernierePage, StringComparison.Ordinal);
        var noeuds = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var r = await client.Http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
            return r.Headers.TryGetValues("X-Upstream", out var v) ? v.Single() : "";
        }));
        Assert.Equal(2, noeuds.Distinct().Count()); // both nodes served this client
    }

    private int DemarrerNginx()
    {
        const string Binaire = "/usr/sbin/nginx";
        if (!File.Exists(Binaire))
        {
            Assert.Skip("nginx n'est pas installé : lancez ./test.sh, qui l'installe.");
        }

        _dossierNginx = Directory.CreateTempSubdirectory("examens-nginx-").FullName;
        var port = PortLibre();
        var amonts = string.Join("\n", new[] { _noeud1, _noeud2 }.Select(n => $"    server {n.ClientOptions.BaseAddress.Authority};"));
        File.WriteAllText(Path.Combine(_dossierNginx, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{_dossierNginx}}/nginx.pid;
            error_log {{_dossierNginx}}/error.log;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{_dossierNginx}}/body;
              proxy_temp_path {{_dossierNginx}}/proxy;
              fastcgi_temp_path {{_dossierNginx}}/fastcgi;
              uwsgi_temp_path {{_dossierNginx}}/uwsgi;
              scgi_temp_path {{_dossierNginx}}/scgi;
              client_max_body_size 12m;
              upstream examens {
            {{amonts}}
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://examens;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  add_header X-Upstream $upstream_addr always;
                }
              }
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo(Binaire, ["-p", _dossierNginx, "-c", Path.Combine(_dossierNginx, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        });
        // nginx is ready when its port accepts connections (bounded, no sleeping).
        for (var i = 0; i < 200; i++)
        {
            using var sonde = new TcpClient();
            try
            {
                sonde.Connect(IPAddress.Loopback, port);
                return port;
            }
            catch (SocketException)
            {
                SpinWait.SpinUntil(() => false, 25);
            }
        }

        throw new InvalidOperationException("nginx n'a pas démarré.");
    }

    private static int PortLibre()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        await _noeud1.DisposeAsync();
        await _noeud2.DisposeAsync();
        BasesDeDonnees.SupprimerBasePostgres(_base);
        if (_dossierNginx is not null)
        {
            Directory.Delete(_dossierNginx, true);
        }
    }

    [GeneratedRegex(@"(http://\S+/compte/confirmer\S+)")]
    private static partial Regex LienRegex();

    [GeneratedRegex("href=\"([^\"]*handler=Telecharger[^\"]*)\"")]
    private static partial Regex TelechargerRegex();
}
