using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Pages.Gestion;

public sealed class CorrectionsTests
{
    /// <summary>A candidate with a submitted SIEC registration who asks for a third first name, with a PDF proof.</summary>
    private static async Task DemanderCorrectionAsync(UsineExamens usine, string courriel)
    {
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");

        using var pdf = new PdfDocument();
        pdf.AddPage();
        using var flux = new MemoryStream();
        pdf.Save(flux);
        await client.GetAsync("/candidat/identite/correction");
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(ClientPortail.Jeton(client.DernierePage)), "__RequestVerificationToken" },
            { new StringContent("Lefèvre-Çağlar"), "Saisie.Nom" },
            { new StringContent("Élodie Marie Anne"), "Saisie.Prenoms" },
            { new StringContent("29/02/2000"), "Saisie.DateNaissance" },
            { new StringContent("Fort-de-France"), "Saisie.LieuNaissance" },
            { new StringContent("Il manque mon troisième prénom."), "Saisie.Explication" },
            { new ByteArrayContent(flux.ToArray()), "justificatif", "acte.pdf" },
        };
        var reponse = await client.Http.PostAsync(new Uri("/candidat/identite/correction", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        Assert.Contains("Votre demande de correction est envoyée",
            WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> TraiterAsync(ClientPortail agent, string decision, string motif = "")
    {
        await agent.GetAsync("/gestion/corrections");
        var demandeId = Regex.Match(agent.DernierePage, "name=\"demandeId\" value=\"([^\"]+)\"").Groups[1].Value;
        return await agent.PosterDepuisAsync(agent.DernierePage, "/gestion/corrections", "/gestion/corrections?handler=Traiter",
            [new("demandeId", demandeId), new("decision", decision), new("motif", motif)]);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_approved_request_changes_the_identity_writes_the_trail_and_mails_the_candidate(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        await DemanderCorrectionAsync(usine, "elodie@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await agent.GetAsync("/gestion/corrections");
        Assert.Contains("Élodie Marie Anne", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Il manque mon troisième prénom.", agent.DernierePage, StringComparison.Ordinal);
        var lien = Regex.Match(agent.DernierePage, "href=\"(/gestion/corrections\\?handler=Justificatif[^\"]*)\"").Groups[1].Value;
        var justificatif = await agent.Http.GetAsync(new Uri(WebUtility.HtmlDecode(lien), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, justificatif.StatusCode);
        Assert.Equal("attachment", justificatif.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", justificatif.Headers.GetValues("X-Content-Type-Options").Single());

        await TraiterAsync(agent, "approuver");
        Assert.Contains("Demande approuvée", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Aucune demande en attente.", agent.DernierePage, StringComparison.Ordinal);

        var courriel = usine.DernierCourrielPour("elodie@exemple.fr");
        Assert.Equal("Correction d'identité approuvée", courriel.Subject);
        Assert.Contains("Élodie Marie Anne Lefèvre-Çağlar", courriel.TextBody, StringComparison.Ordinal);

        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var compte = await db.Users.SingleAsync(u => u.Email == "elodie@exemple.fr", TestContext.Current.CancellationToken);
        Assert.Equal("Élodie Marie Anne", compte.Prenoms);
        Assert.True(compte.IdentiteVerrouillee);
        Assert.Equal(EtatDemandeCorrection.Approuvee, (await db.DemandesCorrectionIdentite.SingleAsync(TestContext.Current.CancellationToken)).Etat);
        var agentId = await db.Users.Where(u => u.Email == "agent@exemple.fr").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(await db.Journal.AnyAsync(e => e.Action == "identite.justificatif.consulte" && e.Acteur == agentId, TestContext.Current.CancellationToken));
        var entree = await db.Journal.SingleAsync(e => e.Action == "identite.correction.approuvee", TestContext.Current.CancellationToken);
        Assert.Equal(agentId, entree.Acteur);
        Assert.Equal($"compte:{compte.Id}", entree.Cible);
        Assert.Equal("Lefèvre-Çağlar / Élodie Marie / 29 février 2000 / Fort-de-France", entree.Avant);
        Assert.Equal("Lefèvre-Çağlar / Élodie Marie Anne / 29 février 2000 / Fort-de-France", entree.Apres);
        Assert.Equal(AdresseDistante.Adresse.ToString(), entree.Adresse);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_refusal_needs_a_reason_leaves_the_identity_and_another_academy_gets_404(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        await DemanderCorrectionAsync(usine, "elodie@exemple.fr");

        var autre = await Parcours.PersonnelConnecteAsync(usine, "autre@exemple.fr", RolesPersonnel.Gestionnaire, "NANCY-METZ");
        await autre.GetAsync("/gestion/corrections");
        Assert.Contains("Aucune demande en attente.", autre.DernierePage, StringComparison.Ordinal);
        Guid demandeId;
        using (var portee = usine.Services.CreateScope())
        {
            demandeId = (await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().DemandesCorrectionIdentite.SingleAsync(TestContext.Current.CancellationToken)).Id;
        }

        var formulaire = $"<form method=\"post\" action=\"/gestion/corrections?handler=Traiter\">{Regex.Match(autre.DernierePage, "<input name=\"__RequestVerificationToken\"[^>]*>").Value}</form>";
        var reponse = await autre.PosterDepuisAsync(formulaire, "/gestion/corrections", "/gestion/corrections?handler=Traiter",
            [new("demandeId", demandeId.ToString()), new("decision", "approuver")]);
        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        var justificatif = await autre.Http.GetAsync(new Uri($"/gestion/corrections?handler=Justificatif&demandeId={demandeId}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, justificatif.StatusCode);

        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await TraiterAsync(agent, "refuser");
        Assert.Contains("Un refus doit être motivé", agent.DernierePage, StringComparison.Ordinal);
        await TraiterAsync(agent, "refuser", "L'acte ne porte pas ce prénom.");
        Assert.Contains("Demande refusée", agent.DernierePage, StringComparison.Ordinal);
        var courriel = usine.DernierCourrielPour("elodie@exemple.fr");
        Assert.Equal("Correction d'identité refusée", courriel.Subject);
        Assert.Contains("Motif : L'acte ne porte pas ce prénom.", courriel.TextBody, StringComparison.Ordinal);

        using var p2 = usine.Services.CreateScope();
        var db = p2.ServiceProvider.GetRequiredService<ExamensDbContext>();
        Assert.Equal("Élodie Marie", (await db.Users.SingleAsync(u => u.Email == "elodie@exemple.fr", TestContext.Current.CancellationToken)).Prenoms);
        var demande = await db.DemandesCorrectionIdentite.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(EtatDemandeCorrection.Refusee, demande.Etat);
        Assert.Equal("L'acte ne porte pas ce prénom.", demande.MotifDecision);
        var entree = await db.Journal.SingleAsync(e => e.Action == "identite.correction.refusee", TestContext.Current.CancellationToken);
        Assert.Equal("L'acte ne porte pas ce prénom.", entree.Motif);
        Assert.False(await db.Journal.AnyAsync(e => e.Action == "identite.correction.approuvee", TestContext.Current.CancellationToken));
    }
}
