using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Securite;

/// <summary>
/// Issue 7 item 6: the hostile corpus against every candidate form, the account creation, the back-office forms and the
/// two simulators. Each value gets a French error (the form again, status 200, the message next to the field; or
/// 400/413/422 in JSON for the API) and nothing is stored: the database reads the same before and after.
/// </summary>
public sealed partial class CorpusHostileTests
{
    /// <summary>Everything a hostile post could change, as one comparable text.</summary>
    private static string Etat(UsineExamens usine)
    {
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var comptes = string.Join(';', db.Users.OrderBy(u => u.Id).AsEnumerable().Select(u => $"{u.Email}|{u.Nom}|{u.Prenoms}|{u.DateNaissance}|{u.LieuNaissance}"));
        var inscriptions = string.Join(';', db.Inscriptions.OrderBy(i => i.Id).AsEnumerable().Select(i => $"{i.Id}|{i.Revision}|{i.Etat}|{i.Brouillon}"));
        var pieces = string.Join(';', db.PiecesDeposees.OrderBy(p => p.Id).AsEnumerable().Select(p => $"{p.Id}|{p.Etat}|{p.MotifRefus}|{p.Courante}"));
        var demandes = string.Join(';', db.DemandesCorrectionIdentite.OrderBy(d => d.Id).AsEnumerable().Select(d => $"{d.Id}|{d.Etat}|{d.MotifDecision}"));
        return $"{comptes}\n{inscriptions}\n{db.VersionsInscription.Count()}\n{pieces}\n{demandes}\n{db.Journal.Count()}";
    }

    /// <summary>The message shown next to a field, or "" when none.</summary>
    private static string MessageDe(string page, string champ)
    {
        var m = Regex.Match(page, $"data-valmsg-for=\"{Regex.Escape(champ)}\"[^>]*>([^<]*)<");
        return m.Success ? m.Groups[1].Value : "";
    }

    private static void VerifierRefus(HttpResponseMessage reponse, string page, string cas)
    {
        if (reponse.StatusCode == HttpStatusCode.BadRequest)
        {
            // A NUL makes the whole form unreadable: refused before any page, with its own French page.
            Assert.True(page.Contains("caractères non autorisés", StringComparison.Ordinal) && page.Contains("rien n'a été enregistré", StringComparison.Ordinal), $"{cas} : 400 sans explication");
            return;
        }

        Assert.True(reponse.StatusCode == HttpStatusCode.OK, $"{cas} : statut {(int)reponse.StatusCode}");
        Assert.True(page.Contains("resume-erreurs", StringComparison.Ordinal), $"{cas} : pas de résumé des erreurs");
        Assert.DoesNotContain("   at ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", page, StringComparison.Ordinal); // never the framework's English
    }

    private static KeyValuePair<string, string>[] IdentiteValide() =>
    [
        new("Saisie.Nom", "Lefèvre-Çağlar"), new("Saisie.Prenoms", "Élodie Marie"), new("Saisie.DateNaissance", "29/02/2000"),
        new("Saisie.LieuNaissance", "Fort-de-France"), new("Saisie.Adresse", "12 rue des Écoles"), new("Saisie.CodePostal", "75005"),
        new("Saisie.Ville", "Paris"), new("Saisie.Pays", "France"), new("Saisie.Telephone", "01 23 45 67 89"), new("aller", "identite"),
    ];

    private static KeyValuePair<string, string>[] Avec(KeyValuePair<string, string>[] champs, string nom, string valeur) =>
        [.. champs.Where(c => c.Key != nom), new(nom, valeur)];

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Identity_and_address_refuse_every_hostile_value_with_a_message_naming_the_field_and_store_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "hostile@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        var avant = Etat(usine);
        var champs = new (string Nom, string Mot, bool Multiligne)[]
        {
            ("Saisie.Nom", "nom", false), ("Saisie.Prenoms", "prénoms", false), ("Saisie.LieuNaissance", "lieu de naissance", false),
            ("Saisie.Adresse", "adresse", true), ("Saisie.CodePostal", "code postal", false), ("Saisie.Ville", "commune", false),
            ("Saisie.Pays", "pays", false), ("Saisie.Telephone", "téléphone", false),
        };

        foreach (var (champ, mot, multiligne) in champs)
        {
            foreach (var (cas, valeur) in multiligne ? CorpusHostile.TextesMultilignes : CorpusHostile.Textes)
            {
                var reponse = await client.SoumettreAsync($"{inscription}/identite", Avec(IdentiteValide(), champ, valeur));
                VerifierRefus(reponse, client.DernierePage, $"{champ} / {cas}");
                Assert.True(reponse.StatusCode == HttpStatusCode.BadRequest || MessageDe(client.DernierePage, champ).Contains(mot, StringComparison.OrdinalIgnoreCase),
                    $"{champ} / {cas} : « {MessageDe(client.DernierePage, champ)} » ne nomme pas le champ");
            }
        }

        foreach (var date in CorpusHostile.Dates)
        {
            var reponse = await client.SoumettreAsync($"{inscription}/identite", Avec(IdentiteValide(), "Saisie.DateNaissance", date));
            VerifierRefus(reponse, client.DernierePage, $"date {date}");
            Assert.Contains("date", MessageDe(client.DernierePage, "Saisie.DateNaissance"), StringComparison.Ordinal);
        }

        Assert.Equal(avant, Etat(usine));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Registration_steps_refuse_hostile_choices_grades_dates_and_diplomas_and_store_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "etapes@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.GetAsync($"{inscription}/notes");
        var unite = Regex.Match(client.DernierePage, "<option value=\"(U[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(unite);
        var avant = Etat(usine);
        var echecs = new List<string>();

        async Task EssayerAsync(string etape, KeyValuePair<string, string>[] champs, string cas)
        {
            var reponse = await client.SoumettreAsync($"{inscription}/{etape}", champs);
            if (reponse.StatusCode == HttpStatusCode.BadRequest && client.DernierePage.Contains("caractères non autorisés", StringComparison.Ordinal))
            {
                return;
            }

            if (reponse.StatusCode != HttpStatusCode.OK || !client.DernierePage.Contains("resume-erreurs", StringComparison.Ordinal)
                || client.DernierePage.Contains("is not valid", StringComparison.Ordinal) || client.DernierePage.Contains("   at ", StringComparison.Ordinal))
            {
                echecs.Add($"{etape} / {cas} : {(int)reponse.StatusCode}");
            }
        }

        KeyValuePair<string, string>[] examen =
        [
            new("Saisie.SpecialiteOption", "MS|A"), new("Saisie.Forme", "Globale"), new("Saisie.ConfirmeForme", "true"),
            new("Saisie.LangueObligatoire", "anglais"), new("aller", "examen"),
        ];
        KeyValuePair<string, string>[] note = [new("Lignes[0].Unite", unite), new("Lignes[0].Note", "12,5"), new("Lignes[0].Obtention", "01/07/2022"), new("Lignes[0].Choix", "Benefice"), new("aller", "notes")];
        KeyValuePair<string, string>[] dispense = [new("Lignes[0].Unite", unite), new("Lignes[0].Niveau", "5"), new("Lignes[0].Diplome", "Licence de gestion"), new("aller", "dispenses")];
        foreach (var (cas, valeur) in CorpusHostile.Textes)
        {
            await EssayerAsync("situation", [new("Saisie.Statut", valeur), new("aller", "situation")], "statut " + cas);
            await EssayerAsync("situation", [new("Saisie.Statut", "Individuel"), new("Saisie.FormePrecedente", valeur), new("aller", "situation")], "forme précédente " + cas);
            foreach (var champ in new[] { "Saisie.SpecialiteOption", "Saisie.Forme", "Saisie.LangueObligatoire", "Saisie.LangueFacultative", "Saisie.UnitesAPasser" })
            {
                await EssayerAsync("examen", Avec(examen, champ, valeur), $"{champ} {cas}");
            }

            await EssayerAsync("notes", Avec(note, "Lignes[0].Unite", valeur), "unité " + cas);
            await EssayerAsync("notes", Avec(note, "Lignes[0].Choix", valeur), "choix " + cas);
            await EssayerAsync("dispenses", Avec(dispense, "Lignes[0].Diplome", valeur), "diplôme " + cas);
            await EssayerAsync("dispenses", Avec(dispense, "Lignes[0].Unite", valeur), "unité " + cas);
        }

        foreach (var n in CorpusHostile.Notes)
        {
            await EssayerAsync("notes", Avec(note, "Lignes[0].Note", n), "note " + n);
        }

        foreach (var date in CorpusHostile.Dates)
        {
            await EssayerAsync("notes", Avec(note, "Lignes[0].Obtention", date), "obtention " + date);
        }

        foreach (var niveau in CorpusHostile.Entiers)
        {
            await EssayerAsync("dispenses", Avec(dispense, "Lignes[0].Niveau", niveau), "niveau " + niveau);
        }

        Assert.Empty(echecs);
        Assert.Equal(avant, Etat(usine));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Account_creation_refuses_hostile_addresses_and_creates_no_account(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:Limites:CreationCompte:Nombre"] = "1000";
        var client = new ClientPortail(usine.CreateClient());
        var avant = Etat(usine);
        foreach (var (cas, valeur) in CorpusHostile.Textes.Append(("en-tête injecté", "a@exemple.fr\r\nBcc: b@exemple.fr")).Append(("bidi dans l'adresse", "a\u202E@exemple.fr")))
        {
            var reponse = await client.SoumettreAsync("/compte/creer", [new("Courriel", valeur), new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)]);
            VerifierRefus(reponse, client.DernierePage, cas);
            Assert.True(reponse.StatusCode == HttpStatusCode.BadRequest || MessageDe(client.DernierePage, "Courriel").Contains("adresse électronique", StringComparison.Ordinal), cas);
        }

        Assert.Equal(avant, Etat(usine));
        Assert.Empty(usine.Courriels());
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Back_office_and_correction_forms_refuse_hostile_reasons_decisions_and_names_and_store_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:Limites:Depots:Nombre"] = "1000"; // the correction form is an upload: its limit is not under test here
        var candidat = await Parcours.CandidatConnecteAsync(usine, "corrige@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, inscription);
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        var pdf = flux.ToArray();
        await candidat.DeposerAsync($"{inscription}/pieces", "D2", pdf, "carte.pdf");
        await candidat.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");

        async Task<HttpResponseMessage> DemanderAsync(string champ, string valeur)
        {
            await candidat.GetAsync("/candidat/identite/correction");
            var champs = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Saisie.Nom"] = "Lefèvre-Çağlar", ["Saisie.Prenoms"] = "Élodie Marie Anne", ["Saisie.DateNaissance"] = "29/02/2000",
                ["Saisie.LieuNaissance"] = "Fort-de-France", ["Saisie.Explication"] = "Il manque mon troisième prénom.",
            };
            champs[champ] = valeur;
            using var contenu = new MultipartFormDataContent { { new StringContent(ClientPortail.Jeton(candidat.DernierePage)), "__RequestVerificationToken" } };
            foreach (var (k, v) in champs)
            {
                contenu.Add(new StringContent(v), k);
            }

            contenu.Add(new ByteArrayContent(pdf), "justificatif", "acte.pdf");
            return await candidat.Http.PostAsync(new Uri("/candidat/identite/correction", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        }

        // One real request, for the officer to decide on.
        var premiere = await DemanderAsync("Saisie.Explication", "Il manque mon troisième prénom.");
        Assert.Contains("Votre demande de correction est envoyée", System.Net.WebUtility.HtmlDecode(await premiere.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent-hostile@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var id = inscription.Split('/').Last();
        var avant = Etat(usine);
        var echecs = new List<string>();

        void Verifier(HttpResponseMessage reponse, string page, string cas)
        {
            if (reponse.StatusCode == HttpStatusCode.BadRequest && page.Contains("caractères non autorisés", StringComparison.Ordinal))
            {
                return;
            }

            if (reponse.StatusCode != HttpStatusCode.OK || !page.Contains("resume-erreurs", StringComparison.Ordinal)
                || page.Contains("is not valid", StringComparison.Ordinal) || page.Contains("   at ", StringComparison.Ordinal))
            {
                echecs.Add($"{cas} : {(int)reponse.StatusCode}");
            }
        }

        foreach (var (cas, valeur) in CorpusHostile.Textes)
        {
            foreach (var champ in new[] { "Saisie.Nom", "Saisie.Prenoms", "Saisie.LieuNaissance", "Saisie.Explication" })
            {
                if (champ == "Saisie.Explication" && cas == "retour à la ligne")
                {
                    continue; // an explanation may have several lines
                }

                var r = await DemanderAsync(champ, valeur);
                Verifier(r, System.Net.WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), $"correction {champ} {cas}");
            }

            await agent.GetAsync($"/gestion/dossiers/{id}");
            var pieceId = Regex.Match(agent.DernierePage, "name=\"pieceId\" value=\"([^\"]+)\"").Groups[1].Value;
            var cible = $"/gestion/dossiers/{id}?handler=Examiner";
            var page = agent.DernierePage;
            // Plain prose and line breaks are fine in a reason (accepted, shown encoded): not refused, so not sent here.
            var prose = CorpusHostile.ProseInoffensive.Contains(cas) || cas == "retour à la ligne";
            if (!prose)
            {
                Verifier(await agent.PosterDepuisAsync(page, $"/gestion/dossiers/{id}", cible, [new("pieceId", pieceId), new("decision", "Refusee"), new("precision", valeur)]), agent.DernierePage, "motif de refus " + cas);
            }

            Verifier(await agent.PosterDepuisAsync(page, $"/gestion/dossiers/{id}", cible, [new("pieceId", pieceId), new("decision", valeur), new("precision", "Illisible")]), agent.DernierePage, "décision " + cas);

            await agent.GetAsync("/gestion/corrections");
            var demandeId = Regex.Match(agent.DernierePage, "name=\"demandeId\" value=\"([^\"]+)\"").Groups[1].Value;
            page = agent.DernierePage;
            if (!prose)
            {
                Verifier(await agent.PosterDepuisAsync(page, "/gestion/corrections", "/gestion/corrections?handler=Traiter", [new("demandeId", demandeId), new("decision", "refuser"), new("motif", valeur)]), agent.DernierePage, "motif de correction " + cas);
            }

            Verifier(await agent.PosterDepuisAsync(page, "/gestion/corrections", "/gestion/corrections?handler=Traiter", [new("demandeId", demandeId), new("decision", valeur), new("motif", "Justificatif illisible")]), agent.DernierePage, "décision de correction " + cas);

            // The search is a GET: it answers, shows nothing it should not, and changes nothing.
            var recherche = await agent.GetAsync("/gestion/dossiers?q=" + Uri.EscapeDataString(valeur));
            if (recherche.StatusCode != HttpStatusCode.OK)
            {
                echecs.Add($"recherche {cas} : {(int)recherche.StatusCode}");
            }
        }

        Assert.Empty(echecs);
        Assert.Equal(avant, Etat(usine));
    }

    private static async Task<HttpResponseMessage> PosterAsync(HttpClient http, string route, byte[] corps, string? type)
    {
        using var contenu = new ByteArrayContent(corps);
        if (type is not null)
        {
            contenu.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }

        return await http.PostAsync(new Uri(route, UriKind.Relative), contenu, TestContext.Current.CancellationToken);
    }

    private static string Exemple(string nom) => File.ReadAllText(Path.Combine(Racine.Depot, "docs", "examples", nom));

    public static TheoryData<string> Simulateurs => ["/api/v1/simulations/deliberation", "/api/v1/simulations/registration"];

    [Theory]
    [MemberData(nameof(Simulateurs))]
    public async Task The_simulators_refuse_huge_deep_mistyped_and_malformed_bodies_with_a_French_JSON_error(string route)
    {
        using var usine = new UsineExamens();
        usine.Reglages["Examens:Limites:Simulations:Nombre"] = "1000";
        var http = usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var exemple = Exemple(route.EndsWith("deliberation", StringComparison.Ordinal) ? "deliberation.json" : "registration.json");
        var cas = new List<(string Cas, byte[] Corps, string? Type, HttpStatusCode[] Attendus)>
        {
            ("5 Mo de JSON", CorpusHostile.JsonEnorme(5 * 1024 * 1024), "application/json", [HttpStatusCode.RequestEntityTooLarge]),
            ("10 000 niveaux", CorpusHostile.JsonProfond(10_000), "application/json", [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity]),
            ("objets imbriqués", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), "application/json", [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity]),
            ("UTF-8 invalide", [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], "application/json", [HttpStatusCode.BadRequest]),
            ("NUL", Encoding.UTF8.GetBytes("{\"form\":\"glo\0bal\"}"), "application/json", [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity]),
            ("vide", [], "application/json", [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity]),
            // The declared type is not trusted either way: the body is read as JSON whatever it says (or without one).
            ("XML", Encoding.UTF8.GetBytes("<a/>"), "application/xml", [HttpStatusCode.BadRequest]),
            ("formulaire", Encoding.UTF8.GetBytes("a=1"), "application/x-www-form-urlencoded", [HttpStatusCode.BadRequest]),
            ("multipart", Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--"), "multipart/form-data; boundary=x", [HttpStatusCode.BadRequest]),
            ("texte sans type", Encoding.UTF8.GetBytes("bonjour"), null, [HttpStatusCode.BadRequest]),
            ("date impossible", Encoding.UTF8.GetBytes(exemple.Replace("\"2024-07-05\"", "\"2023-02-30\"", StringComparison.Ordinal)), "application/json", [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity]),
            ("date 31/04", Encoding.UTF8.GetBytes(exemple.Replace("\"2024-07-05\"", "\"2024-04-31\"", StringComparison.Ordinal)), "application/json", [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity]),
            ("bidi dans une chaîne", Encoding.UTF8.GetBytes(exemple.Replace("\"U1\"", "\"U\u202E1\"", StringComparison.Ordinal).Replace("\"MS\"", "\"M\u202ES\"", StringComparison.Ordinal)), "application/json", [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity]),
            ("script dans une chaîne", Encoding.UTF8.GetBytes(exemple.Replace("\"U1\"", "\"<script>\"", StringComparison.Ordinal).Replace("\"MS\"", "\"<script>\"", StringComparison.Ordinal)), "application/json", [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity]),
        };
        foreach (var (remplace, par) in new[] { ("12.5", "12.555"), ("12.5", "-1"), ("12.5", "20.5"), ("12.5", "1e400"), ("12.5", "\"douze\""), ("\"coefficient\": 3", "\"coefficient\": 99999999999999999999"), ("2024", "99999999999"), ("\"sessionYear\": 2024", "\"sessionYear\": -5") })
        {
            if (exemple.Contains(remplace, StringComparison.Ordinal))
            {
                cas.Add(($"{remplace} → {par}", Encoding.UTF8.GetBytes(exemple.Replace(remplace, par, StringComparison.Ordinal)), "application/json", [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity]));
            }
        }

        var echecs = new List<string>();
        foreach (var (nom, corps, type, attendus) in cas)
        {
            var reponse = await PosterAsync(http, route, corps, type);
            var texte = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            string? message = null;
            try
            {
                using var json = JsonDocument.Parse(texte);
                message = json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
            {
            }

            if (!attendus.Contains(reponse.StatusCode) || string.IsNullOrWhiteSpace(message) || texte.Contains("   at ", StringComparison.Ordinal)
                || !FrancaisRegex().IsMatch(message))
            {
                echecs.Add($"{nom} : {(int)reponse.StatusCode} {(texte.Length > 300 ? texte[..300] : texte)}");
            }
        }

        Assert.Empty(echecs);
    }

    /// <summary>A French sentence: at least one accented letter or a French function word.</summary>
    [GeneratedRegex("[éèàêùç]|\\b(le|la|les|du|des|est|doit|une?)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrancaisRegex();
}
