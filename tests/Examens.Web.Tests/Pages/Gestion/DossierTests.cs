using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Pages.Gestion;

public sealed class DossierTests
{
    private static byte[] UnPdf(string marque = "")
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return [.. flux.ToArray(), .. System.Text.Encoding.ASCII.GetBytes($"\n%{marque}\n")];
    }

    /// <summary>A submitted SIEC registration with a file for every required document; returns the candidate, the registration's path and id.</summary>
    private static async Task<(ClientPortail Candidat, string Chemin, Guid Id, IReadOnlyList<string> Pieces)> DossierAvecPiecesAsync(UsineExamens usine, string courriel)
    {
        var candidat = await Parcours.CandidatConnecteAsync(usine, courriel);
        var chemin = await Parcours.CommencerAsync(usine, candidat, "SIEC");
        await Parcours.RemplirAsync(candidat, chemin);
        await candidat.SoumettreAsync($"{chemin}/recapitulatif", [], "Soumettre");
        await candidat.GetAsync($"{chemin}/pieces");
        var pieces = Regex.Matches(candidat.DernierePage, "id=\"piece-(D[0-9]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(pieces);
        foreach (var p in pieces)
        {
            await candidat.DeposerAsync($"{chemin}/pieces", p, UnPdf(p), $"{p.ToLowerInvariant()}.pdf");
        }

        return (candidat, chemin, Guid.Parse(chemin.Split('/')[^1]), pieces);
    }

    private static async Task<HttpResponseMessage> ExaminerAsync(ClientPortail agent, Guid id, string piece, string decision, string motif = "", string precision = "")
    {
        await agent.GetAsync($"/gestion/dossiers/{id}");
        var pieceId = Regex.Match(agent.DernierePage, $"id=\"piece-{piece}\".*?name=\"pieceId\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        return await agent.PosterDepuisAsync(agent.DernierePage, $"/gestion/dossiers/{id}", $"/gestion/dossiers/{id}?handler=Examiner",
            [new("pieceId", pieceId), new("decision", decision), new("motifUsuel", motif), new("precision", precision)]);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_document_opens_as_an_attachment_and_each_access_is_in_the_trail(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await DossierAvecPiecesAsync(usine, "a@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await agent.GetAsync($"/gestion/dossiers/{id}");
        Assert.Contains("Élodie Marie", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Version 1, soumise le", agent.DernierePage, StringComparison.Ordinal);
        var lien = Regex.Match(agent.DernierePage, "href=\"(/gestion/dossiers/[^\"]*handler=Piece[^\"]*)\"").Groups[1].Value;
        var reponse = await agent.Http.GetAsync(new Uri(lien, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", reponse.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), 0, 4), StringComparison.Ordinal);
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var entree = await db.Journal.SingleAsync(e => e.Action == "piece.consultee", TestContext.Current.CancellationToken);
            var agentId = await db.Users.Where(u => u.Email == "agent@exemple.fr").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(agentId, entree.Acteur);
            Assert.Equal($"inscription:{id}", entree.Cible);
            Assert.Equal(AdresseDistante.Adresse.ToString(), entree.Adresse);
        }

        await agent.GetAsync($"/gestion/dossiers/{id}");
        Assert.Contains("piece.consultee", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("agent@exemple.fr", agent.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Review_journey_rejected_with_a_reason_replaced_then_accepted_makes_the_file_complete(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, chemin, id, pieces) = await DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await ExaminerAsync(agent, id, "D2", "Refusee", "Illisible", "la photo est floue");
        Assert.Contains("Pièce D2 refusée. Le candidat est prévenu par courriel.", agent.DernierePage, StringComparison.Ordinal);

        var courriel = usine.DernierCourrielPour("elodie@exemple.fr");
        Assert.StartsWith("Pièce D2 refusée", courriel.Subject, StringComparison.Ordinal);
        Assert.Contains("Motif : Illisible : la photo est floue", courriel.TextBody, StringComparison.Ordinal);
        Assert.Contains("déposer un nouveau fichier", courriel.TextBody, StringComparison.Ordinal);
        Assert.Contains("jusqu'au mercredi 15 novembre 2023 à 17:00:00", courriel.TextBody, StringComparison.Ordinal);

        await candidat.GetAsync($"{chemin}/pieces");
        Assert.Contains("refusée", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("motif : Illisible : la photo est floue", candidat.DernierePage, StringComparison.Ordinal);

        await candidat.DeposerAsync($"{chemin}/pieces", "D2", UnPdf("nette"), "carte-nette.pdf");
        foreach (var p in pieces)
        {
            await ExaminerAsync(agent, id, p, "Acceptee");
            Assert.Contains($"Pièce {p} acceptée.", agent.DernierePage, StringComparison.Ordinal);
        }

        Assert.StartsWith("Pièce", usine.DernierCourrielPour("elodie@exemple.fr").Subject, StringComparison.Ordinal);
        await candidat.GetAsync($"{chemin}/pieces");
        Assert.DoesNotContain("motif :", candidat.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync("/gestion/dossiers");
        Assert.Contains(">complet<", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("incomplet", agent.DernierePage, StringComparison.Ordinal);

        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var examens = await db.Journal.Where(e => e.Action == "piece.examinee").OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(pieces.Count + 1, examens.Count);
        Assert.Equal("D2 « d2.pdf » : Recue", examens[0].Avant);
        Assert.Equal("D2 « d2.pdf » : Refusee", examens[0].Apres);
        Assert.Equal("Illisible : la photo est floue", examens[0].Motif);
        Assert.All(examens, e => Assert.Equal(AdresseDistante.Adresse.ToString(), e.Adresse));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_rejection_without_a_reason_is_refused_and_an_officer_of_another_academy_gets_404(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await DossierAvecPiecesAsync(usine, "a@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await ExaminerAsync(agent, id, "D2", "Refusee");
        Assert.Contains("Un refus doit être motivé", agent.DernierePage, StringComparison.Ordinal);

        var html = agent.DernierePage;
        var autre = await Parcours.PersonnelConnecteAsync(usine, "autre@exemple.fr", RolesPersonnel.Gestionnaire, "NANCY-METZ");
        await autre.GetAsync("/gestion/dossiers");
        var pieceId = Regex.Match(html, "id=\"piece-D2\".*?name=\"pieceId\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        var reponse = await autre.PosterDepuisAsync(
            $"<form method=\"post\" action=\"/gestion/dossiers/{id}?handler=Examiner\">{Regex.Match(autre.DernierePage, "<input name=\"__RequestVerificationToken\"[^>]*>").Value}</form>",
            "/gestion/dossiers", $"/gestion/dossiers/{id}?handler=Examiner", [new("pieceId", pieceId), new("decision", "Acceptee")]);
        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);

        using var portee = usine.Services.CreateScope();
        Assert.False(await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Journal.AnyAsync(e => e.Action == "piece.examinee", TestContext.Current.CancellationToken));
    }
}
