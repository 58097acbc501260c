using System.Net;
using System.Text;
using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;
using UglyToad.PdfPig;

namespace Examens.Web.Tests.Pages.Gestion.Exports;

public sealed class IndexTests
{
    private static readonly string[] EntetesCommunes =
    [
        "Numéro", "Nom", "Prénoms", "Date de naissance", "Spécialité", "Option", "Forme de passage", "Langue obligatoire",
        "Langues facultatives", "Soumise le (heure locale)",
    ];

    /// <summary>SIEC: two submitted (MS option A with anglais and arabe; NDRC in espagnol), a draft, a withdrawn one; Nancy-Metz: one submitted.</summary>
    private static async Task<(JeuInscriptions.Dossier Ms, JeuInscriptions.Dossier Ndrc, JeuInscriptions.Dossier Brouillon, JeuInscriptions.Dossier Retiree, JeuInscriptions.Dossier Nancy)> JeuAsync(UsineExamens usine)
    {
        var ms = await JeuInscriptions.CreerAsync(usine, "a@exemple.fr", "SIEC", soumettre: true);
        var ndrc = await JeuInscriptions.CreerAsync(usine, "b@exemple.fr", "SIEC", soumettre: true, specialiteOption: "NDRC|", langue: "espagnol", facultative: null);
        var brouillon = await JeuInscriptions.CreerAsync(usine, "c@exemple.fr", "SIEC", soumettre: false);
        var retiree = await JeuInscriptions.CreerAsync(usine, "d@exemple.fr", "SIEC", soumettre: true);
        await JeuInscriptions.RetirerAsync(retiree);
        var nancy = await JeuInscriptions.CreerAsync(usine, "e@exemple.fr", "NANCY-METZ", soumettre: true);
        return (ms, ndrc, brouillon, retiree, nancy);
    }

    private static async Task<(HttpResponseMessage Reponse, byte[] Octets)> TelechargerAsync(ClientPortail client, string url)
    {
        var reponse = await client.Http.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return (reponse, await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Checks what a spreadsheet needs (BOM, `;`, CRLF) and reads the rows back.</summary>
    private static async Task<List<List<string>>> CsvAsync(ClientPortail client, int academie, string liste)
    {
        var (reponse, octets) = await TelechargerAsync(client, $"/gestion/exports?academie={academie}&liste={liste}&handler=csv");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("text/csv", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", reponse.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", reponse.Content.Headers.ContentDisposition?.FileNameStar ?? reponse.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], octets[..3]);
        var texte = Encoding.UTF8.GetString(octets, 3, octets.Length - 3);
        Assert.EndsWith("\r\n", texte, StringComparison.Ordinal);
        return [.. texte.Split("\r\n")[..^1].Select(l => l.Split(';').ToList())];
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Each_list_is_a_csv_of_the_submitted_registrations_of_the_academy_grouped(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (ms, ndrc, brouillon, retiree, nancy) = await JeuAsync(usine);
        var siec = Parcours.Academie(usine, "SIEC");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await agent.GetAsync("/gestion/exports");
        Assert.Contains("<h1>Listes d'inscriptions</h1>", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("BTS session 2024 – SIEC – Créteil, Paris, Versailles", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Nancy-Metz", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gestion/exports?academie={siec}&liste=Langue&handler=pdf\"", agent.DernierePage, StringComparison.Ordinal);

        var parSpecialite = await CsvAsync(agent, siec, "Specialite");
        Assert.Equal(["Spécialité", .. EntetesCommunes], parSpecialite[0]);
        Assert.All(parSpecialite, l => Assert.Equal(11, l.Count));
        // One row per submitted registration: no draft, no withdrawn one, nothing of Nancy-Metz.
        var numeros = parSpecialite.Skip(1).Select(l => l[1]).ToList();
        Assert.Equal(new[] { ms.Numero, ndrc.Numero }.Order(StringComparer.Ordinal), numeros.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(brouillon.Numero, numeros);
        Assert.DoesNotContain(retiree.Numero, numeros);
        Assert.DoesNotContain(nancy.Numero, numeros);
        var ligneMs = parSpecialite.Single(l => l[1] == ms.Numero);
        Assert.Equal(["MS", ms.Numero, "Lefèvre-Çağlar", "Élodie Marie", "29/02/2000", "MS", "A", "globale", "anglais", "arabe", "15/11/2023 16:00"], ligneMs);
        Assert.Equal("NDRC", parSpecialite.Single(l => l[1] == ndrc.Numero)[0]);

        var parOption = await CsvAsync(agent, siec, "Option");
        Assert.Equal("Spécialité et option", parOption[0][0]);
        Assert.Equal(["MS – option A", "NDRC (sans option)"], parOption.Skip(1).Select(l => l[0]));

        var parForme = await CsvAsync(agent, siec, "Forme");
        Assert.Equal("Forme de passage", parForme[0][0]);
        Assert.Equal(["globale", "globale"], parForme.Skip(1).Select(l => l[0]));

        // By language, a registration is on the list of each of its language épreuves.
        var parLangue = await CsvAsync(agent, siec, "Langue");
        Assert.Equal("Langue vivante", parLangue[0][0]);
        Assert.Equal(
            [("anglais (obligatoire)", ms.Numero), ("arabe (facultative)", ms.Numero), ("espagnol (obligatoire)", ndrc.Numero)],
            parLangue.Skip(1).Select(l => (l[0], l[1])));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_officer_of_another_academy_gets_none_of_these_rows(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (ms, ndrc, _, _, nancy) = await JeuAsync(usine);
        var siec = Parcours.Academie(usine, "SIEC");
        var academieNancy = Parcours.Academie(usine, "NANCY-METZ");
        var agentNancy = await Parcours.PersonnelConnecteAsync(usine, "nancy@exemple.fr", RolesPersonnel.Gestionnaire, "NANCY-METZ");

        await agentNancy.GetAsync("/gestion/exports");
        Assert.DoesNotContain("SIEC", agentNancy.DernierePage, StringComparison.Ordinal);
        foreach (var format in new[] { "csv", "pdf" })
        {
            var (reponse, octets) = await TelechargerAsync(agentNancy, $"/gestion/exports?academie={siec}&liste=Specialite&handler={format}");
            Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
            Assert.DoesNotContain(ms.Numero, Encoding.UTF8.GetString(octets), StringComparison.Ordinal);
        }

        var siens = await CsvAsync(agentNancy, academieNancy, "Specialite");
        Assert.Equal([nancy.Numero], siens.Skip(1).Select(l => l[1]));

        var admin = await Parcours.PersonnelConnecteAsync(usine, "admin@exemple.fr", RolesPersonnel.Administrateur);
        await admin.GetAsync("/gestion/exports");
        Assert.Contains("Académie de Nancy-Metz", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("SIEC", admin.DernierePage, StringComparison.Ordinal);
        Assert.Equal(2, (await CsvAsync(admin, siec, "Specialite")).Count - 1);
        Assert.Contains(ndrc.Numero, (await CsvAsync(admin, siec, "Forme")).Select(l => l[1]));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_pdf_has_the_title_the_instant_the_rows_and_page_numbers(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (ms, ndrc, brouillon, _, nancy) = await JeuAsync(usine);
        var siec = Parcours.Academie(usine, "SIEC");
        usine.Horloge.Advance(TimeSpan.FromMinutes(90));
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        var (reponse, octets) = await TelechargerAsync(agent, $"/gestion/exports?academie={siec}&liste=Langue&handler=pdf");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inscriptions-siec-langue.pdf", reponse.Content.Headers.ContentDisposition?.FileNameStar ?? reponse.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfDocument.Open(octets);
        var pages = pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
        var texte = string.Join(' ', pages);
        Assert.Contains("Inscriptions par langue vivante – SIEC – Créteil, Paris, Versailles", texte, StringComparison.Ordinal);
        // Generated 16:30 UTC = 17:30 in Paris, the academy's zone.
        Assert.Contains("Générée le 15 novembre 2023 à 17:30 (heure de Europe/Paris) – 2 inscriptions soumise(s)", texte, StringComparison.Ordinal);
        Assert.Contains("Langue vivante : anglais (obligatoire) (1 inscription)", texte, StringComparison.Ordinal);
        Assert.Contains("Langue vivante : espagnol (obligatoire) (1 inscription)", texte, StringComparison.Ordinal);
        Assert.Contains("Numéro Nom Prénoms", texte, StringComparison.Ordinal);
        Assert.Contains("Lefèvre-Çağlar", texte, StringComparison.Ordinal);
        Assert.Contains(ms.Numero, texte, StringComparison.Ordinal);
        Assert.Contains(ndrc.Numero, texte, StringComparison.Ordinal);
        Assert.DoesNotContain(brouillon.Numero, texte, StringComparison.Ordinal);
        Assert.DoesNotContain(nancy.Numero, texte, StringComparison.Ordinal);
        Assert.Contains($"page 1/{pages.Count}", pages[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_download_without_a_choice_says_what_to_choose_in_french(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var siec = Parcours.Academie(usine, "SIEC");

        var reponse = await agent.GetAsync($"/gestion/exports?academie={siec}&liste=nimportequoi&handler=csv");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("text/html", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Choisissez comment regrouper les inscriptions (spécialité, option, forme ou langue).", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", agent.DernierePage, StringComparison.Ordinal);

        await agent.GetAsync("/gestion/exports?handler=pdf&liste=Forme");
        Assert.Contains("Choisissez l'académie et la session de la liste.", agent.DernierePage, StringComparison.Ordinal);

        var inconnue = await agent.Http.GetAsync(new Uri("/gestion/exports?academie=999999&liste=Forme&handler=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, inconnue.StatusCode);
    }

    [Fact]
    public async Task A_candidate_or_a_visitor_never_reaches_the_lists()
    {
        using var usine = new UsineExamens();
        var candidat = await Parcours.CandidatConnecteAsync(usine, "a@exemple.fr");
        var reponse = await candidat.Http.GetAsync(new Uri("/gestion/exports", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
        var visiteur = usine.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var anonyme = await visiteur.GetAsync(new Uri("/gestion/exports?academie=1&liste=Forme&handler=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, anonyme.StatusCode);
        Assert.StartsWith("/gestion/connexion", anonyme.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
