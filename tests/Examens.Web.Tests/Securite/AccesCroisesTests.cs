using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Securite;

/// <summary>
/// Issue 7 item 2: every candidate-scoped route (read from the app's endpoints, so a new page is covered without
/// editing this test) called with another candidate's identifiers answers 404/403 and shows nothing of them; signed
/// out, it sends to the sign-in page; an officer opens no file of another academy.
/// </summary>
public sealed partial class AccesCroisesTests
{
    private const string NomVictime = "Zorglub-Victime";

    /// <summary>A page handler as the app serves it: route template, verb, handler name, and its Guid parameters.</summary>
    private sealed record Route(string Modele, string Verbe, string? Handler, IReadOnlyList<string> ParametresGuid)
    {
        public override string ToString() => $"{Verbe} {Modele}{(Handler is null ? "" : "?handler=" + Handler)}";
    }

    private static List<Route> Routes(UsineExamens usine, string prefixe)
    {
        var routes = new List<Route>();
        foreach (var ep in usine.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var modele = "/" + ep.RoutePattern.RawText!.TrimStart('/');
            var page = ep.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is null || !modele.StartsWith(prefixe, StringComparison.Ordinal))
            {
                continue;
            }

            var type = typeof(Program).Assembly.GetType("Examens.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model", throwOnError: true)!;
            foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var h = HandlerRegex().Match(m.Name);
                if (h.Success)
                {
                    routes.Add(new Route(modele, h.Groups[1].Value.ToUpperInvariant(), h.Groups[2].Value is { Length: > 0 } n ? n : null,
                        [.. m.GetParameters().Where(p => p.ParameterType == typeof(Guid)).Select(p => p.Name!)]));
                }
            }
        }

        return routes;
    }

    [GeneratedRegex("^On(Get|Post)(\\w*?)(?:Async)?$")]
    private static partial Regex HandlerRegex();

    private static string Adresse(Route r, Guid id, int session, Dictionary<string, string> valeurs)
    {
        // A session's pages take its number, an academy's page the victim's academy, a registration's pages its id (also
        // as a second segment, e.g. the jury page).
        var modele = r.Modele.Replace("{academieId}", valeurs.TryGetValue("academieId", out var academie) ? academie : "0", StringComparison.Ordinal);
        var chemin = IdRegex().Replace(SessionRegex().Replace(modele, session.ToString(CultureInfo.InvariantCulture)), id.ToString());
        var requete = new List<string>();
        if (r.Handler is not null)
        {
            requete.Add("handler=" + r.Handler);
        }

        requete.AddRange(r.ParametresGuid.Select(p => $"{p}={(valeurs.TryGetValue(p, out var v) ? v : Guid.NewGuid().ToString())}"));
        return requete.Count == 0 ? chemin : chemin + "?" + string.Join('&', requete);
    }

    [GeneratedRegex("\\{[a-zA-Z]+(:guid)?\\}")]
    private static partial Regex IdRegex();

    [GeneratedRegex("\\{[a-zA-Z]+:int\\}")]
    private static partial Regex SessionRegex();

    /// <summary>The session of the victim's registration: its pages are the ones worth trying.</summary>
    private static int SessionDe(UsineExamens usine, Guid inscription)
    {
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        return db.Inscriptions.Where(i => i.Id == inscription).Select(i => i.AcademieSession.SessionId).Single();
    }

    private static bool DeSession(Route r) => r.Modele.Contains(":int}", StringComparison.Ordinal);

    private static byte[] UnPdf()
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    /// <summary>The victim: a submitted SIEC registration under a distinctive name, with an uploaded document and a correction request.</summary>
    /// <summary>What must never appear in a page shown to someone else: the victim's name, e-mail, registration number and verification code.</summary>
    private static string? Fuite(string corps, Victime v) =>
        new[] { NomVictime, CourrielVictime, v.Numero, v.Code }.FirstOrDefault(d => corps.Contains(d, StringComparison.OrdinalIgnoreCase));

    private const string CourrielVictime = "victime@exemple.fr";

    private sealed record Victime(Guid Inscription, string Numero, string Code, Dictionary<string, string> Ids);

    private static async Task<Victime> VictimeAsync(UsineExamens usine)
    {
        var client = await Parcours.CandidatConnecteAsync(usine, CourrielVictime);
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/identite",
        [
            new("Saisie.Nom", NomVictime), new("Saisie.Prenoms", "Élodie"), new("Saisie.DateNaissance", "29/02/2000"),
            new("Saisie.LieuNaissance", "Fort-de-France"), new("Saisie.Adresse", "12 rue des Écoles"), new("Saisie.CodePostal", "75005"),
            new("Saisie.Ville", "Paris"), new("Saisie.Pays", "France"), new("aller", "identite"),
        ]);
        await client.DeposerAsync($"{inscription}/pieces", "D2", UnPdf(), "carte.pdf");
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await client.GetAsync("/candidat/identite/correction");
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(ClientPortail.Jeton(client.DernierePage)), "__RequestVerificationToken" },
            { new StringContent(NomVictime), "Saisie.Nom" },
            { new StringContent("Élodie Anne"), "Saisie.Prenoms" },
            { new StringContent("29/02/2000"), "Saisie.DateNaissance" },
            { new StringContent("Fort-de-France"), "Saisie.LieuNaissance" },
            { new StringContent("Il manque mon second prénom."), "Saisie.Explication" },
            { new ByteArrayContent(UnPdf()), "justificatif", "acte.pdf" },
        };
        await client.Http.PostAsync(new Uri("/candidat/identite/correction", UriKind.Relative), contenu, TestContext.Current.CancellationToken);

        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var id = Guid.Parse(inscription.Split('/').Last());
        var i = await db.Inscriptions.Include(x => x.Pieces).Include(x => x.Versions).SingleAsync(x => x.Id == id, TestContext.Current.CancellationToken);
        var demande = await db.DemandesCorrectionIdentite.SingleAsync(TestContext.Current.CancellationToken);
        var code = i.Versions.Single().CodeVerification;
        Assert.False(string.IsNullOrEmpty(code));
        return new(id, i.Numero, code, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["pieceId"] = i.Pieces.Single().Id.ToString(),
            ["demandeId"] = demande.Id.ToString(),
            ["academieId"] = i.AcademieSessionId.ToString(CultureInfo.InvariantCulture),
        });
    }

    private static string Empreinte(UsineExamens usine, Guid id)
    {
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var i = db.Inscriptions.Include(x => x.Versions).Include(x => x.Pieces).Single(x => x.Id == id);
        return string.Join('|', i.Revision, i.Etat, i.Brouillon, i.Versions.Count, string.Join(',', i.Pieces.Select(p => $"{p.Id}:{p.Etat}:{p.Courante}")),
            string.Join(',', db.DemandesCorrectionIdentite.AsEnumerable().Select(d => d.Etat)), db.Users.Single(u => u.Email == CourrielVictime).Nom,
            db.ResultatsInscriptions.Count(r => r.InscriptionId == id),
            db.NotesUnites.Count(n => n.InscriptionId == id), db.SaisiesNotes.Count(n => n.InscriptionId == id),
            db.AffectationsCentres.Count(a => a.InscriptionId == id), db.DecisionsJury.Count(d => d.InscriptionId == id));
    }

    private static async Task<HttpResponseMessage> AppelerAsync(ClientPortail client, Route r, string url, string jetonDepuis)
    {
        if (r.Verbe == "GET")
        {
            return await client.GetAsync(url);
        }

        await client.GetAsync(jetonDepuis);
        var jeton = ClientPortail.Jeton(client.DernierePage);
        // A valid decision for the handler, so only the scope can refuse it.
        var decision = r.Modele.Contains("corrections", StringComparison.Ordinal) ? "approuver" : "Acceptee";
        using var corps = new FormUrlEncodedContent([new("__RequestVerificationToken", jeton), new("decision", decision), new("confirmeRetrait", "true")]);
        var reponse = await client.Http.PostAsync(new Uri(url, UriKind.Relative), corps, TestContext.Current.CancellationToken);
        return reponse;
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Every_candidate_route_with_another_candidates_ids_answers_404_and_shows_nothing_of_them(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var v = await VictimeAsync(usine);
        var (victime, ids) = (v.Inscription, v.Ids);
        var intrus = await Parcours.CandidatConnecteAsync(usine, "intrus@exemple.fr");
        var sienne = Guid.Parse((await Parcours.CommencerAsync(usine, intrus)).Split('/').Last());
        var routes = Routes(usine, "/candidat").Where(r => r.Modele.Contains("{id", StringComparison.Ordinal)).ToList();
        Assert.True(routes.Count >= 12, $"{routes.Count} routes seulement : l'énumération des pages a échoué.");
        var avant = Empreinte(usine, victime);
        var echecs = new List<string>();

        foreach (var r in routes)
        {
            // The victim's registration id, and the intruder's own registration id with the victim's document id.
            foreach (var id in r.ParametresGuid.Count > 0 ? new[] { victime, sienne } : [victime])
            {
                var url = Adresse(r, id, SessionDe(usine, victime), ids);
                var reponse = await AppelerAsync(intrus, r, url, "/candidat");
                var corps = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                if (reponse.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) || Fuite(corps, v) is not null)
                {
                    echecs.Add($"{r} → {url} : {(int)reponse.StatusCode} {Fuite(corps, v)}");
                }
            }
        }

        // The candidate pages without an id (home, my data, results, identity correction) show the intruder's own
        // data only: nothing of the victim, whichever document or request id is put in the query.
        foreach (var r in Routes(usine, "/candidat").Where(r => !r.Modele.Contains("{id", StringComparison.Ordinal) && r.Verbe == "GET"))
        {
            var url = Adresse(r, victime, SessionDe(usine, victime), ids);
            var reponse = await intrus.GetAsync(url);
            var corps = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var attendu = r.Handler is null ? reponse.StatusCode == HttpStatusCode.OK : reponse.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden;
            if (!attendu || Fuite(corps, v) is not null)
            {
                echecs.Add($"{r} → {url} : {(int)reponse.StatusCode} {Fuite(corps, v)}");
            }
        }

        Assert.Empty(echecs);
        Assert.Equal(avant, Empreinte(usine, victime));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Signed_out_every_candidate_and_back_office_route_sends_to_sign_in_and_shows_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var v = await VictimeAsync(usine);
        var (victime, ids) = (v.Inscription, v.Ids);
        var anonyme = usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var routes = Routes(usine, "/candidat").Concat(Routes(usine, "/gestion")
            // Sign-in and the invitation link (choosing one's first password) are for people not signed in yet.
            .Where(r => !r.Modele.StartsWith("/gestion/connexion", StringComparison.Ordinal) && r.Modele != "/gestion/invitation")).ToList();
        Assert.True(routes.Count >= 20, $"{routes.Count} routes seulement.");
        var avant = Empreinte(usine, victime);
        var echecs = new List<string>();

        foreach (var r in routes)
        {
            var url = Adresse(r, victime, SessionDe(usine, victime), ids);
            using var corps = new FormUrlEncodedContent([new("decision", "Acceptee"), new("confirmeRetrait", "true")]);
            var reponse = r.Verbe == "GET"
                ? await anonyme.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)
                : await anonyme.PostAsync(new Uri(url, UriKind.Relative), corps, TestContext.Current.CancellationToken);
            var texte = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var versConnexion = reponse.StatusCode == HttpStatusCode.Redirect
                && reponse.Headers.Location?.OriginalString.Contains("/connexion", StringComparison.Ordinal) == true;
            if (!versConnexion || Fuite(texte, v) is not null)
            {
                echecs.Add($"{(int)reponse.StatusCode} {reponse.Headers.Location} ← {r} → {url}");
            }
        }

        Assert.Empty(echecs);
        Assert.Equal(avant, Empreinte(usine, victime));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_officer_of_another_academy_gets_404_on_every_back_office_route_with_an_id(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var v = await VictimeAsync(usine);
        var (victime, ids) = (v.Inscription, v.Ids);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent-nancy@exemple.fr", RolesPersonnel.Gestionnaire, "NANCY-METZ");
        var autreSession = await SessionSansLAcademieAsync(usine);
        var routes = Routes(usine, "/gestion").Where(r => r.Modele.Contains("{id", StringComparison.Ordinal) || r.ParametresGuid.Count > 0).ToList();
        Assert.True(routes.Count >= 5, $"{routes.Count} routes seulement.");
        var avant = Empreinte(usine, victime);
        var echecs = new List<string>();

        foreach (var r in routes)
        {
            var url = Adresse(r, victime, SessionDe(usine, victime), ids);
            var reponse = await AppelerAsync(agent, r, url, "/gestion/dossiers");
            var corps = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var refuse = reponse.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden;
            // A page of the session both academies share, with no other id, is the officer's own page too (their academy
            // is in it): it answers (200, or a redirect back to a back-office page after a POST) and shows nothing of the
            // other academy's candidate. Any page about the victim's registration, document, request or academy is 404/403.
            var partagee = DeSession(r) && !r.Modele.Contains(":guid}", StringComparison.Ordinal) && !r.Modele.Contains("{academieId}", StringComparison.Ordinal) && r.ParametresGuid.Count == 0;
            var attendu = partagee
                ? refuse || reponse.StatusCode == HttpStatusCode.OK && reponse.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/gestion/", StringComparison.Ordinal)
                : refuse;
            if (!attendu || Fuite(corps, v) is not null)
            {
                echecs.Add($"{r} → {url} : {(int)reponse.StatusCode} {Fuite(corps, v)}");
            }
        }

        // A session where none of the officer's academies takes part: every page of it is not found.
        foreach (var r in routes.Where(DeSession))
        {
            var url = Adresse(r, victime, autreSession, ids);
            var reponse = await AppelerAsync(agent, r, url, "/gestion/dossiers");
            var corps = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (reponse.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) || Fuite(corps, v) is not null)
            {
                echecs.Add($"autre session : {r} → {url} : {(int)reponse.StatusCode} {Fuite(corps, v)}");
            }
        }

        Assert.Empty(echecs);
        Assert.Equal(avant, Empreinte(usine, victime));
        // The lists show nothing of the other academy either.
        foreach (var liste in new[] { "/gestion/dossiers", "/gestion/corrections", "/gestion/exports/inscriptions.csv" })
        {
            await agent.GetAsync(liste);
            Assert.Null(Fuite(agent.DernierePage, v));
        }
    }

    /// <summary>A session made by an administrator, in which no academy of the officer takes part.</summary>
    private static async Task<int> SessionSansLAcademieAsync(UsineExamens usine)
    {
        using var portee = usine.Services.CreateScope();
        var resultat = await portee.ServiceProvider.GetRequiredService<Examens.Core.Sessions.CreerSession>()
            .ExecuterAsync(2031, "BTS session 2031", new DateOnly(2031, 7, 1), "operateur", null, TestContext.Current.CancellationToken);
        return resultat.Valeur!.Id;
    }
}
