using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Outils;

/// <summary>The steps of the back-office tests: a submitted file with its documents, an officer's decision on one.</summary>
public static class ParcoursDossier
{
    public static byte[] UnPdf(string marque = "")
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return [.. flux.ToArray(), .. System.Text.Encoding.ASCII.GetBytes($"\n%{marque}\n")];
    }

    /// <summary>A submitted registration with a file for every required document; returns the candidate, the registration's path and id, the documents.</summary>
    public static async Task<(ClientPortail Candidat, string Chemin, Guid Id, IReadOnlyList<string> Pieces)> DossierAvecPiecesAsync(
        UsineExamens usine, string courriel, string academie = "SIEC")
    {
        var candidat = await Parcours.CandidatConnecteAsync(usine, courriel);
        var chemin = await Parcours.CommencerAsync(usine, candidat, academie);
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

    public static async Task<HttpResponseMessage> ExaminerAsync(ClientPortail agent, Guid id, string piece, string decision, string motif = "", string precision = "")
    {
        ArgumentNullException.ThrowIfNull(agent);
        await agent.GetAsync($"/gestion/dossiers/{id}");
        var pieceId = Regex.Match(agent.DernierePage, $"id=\"piece-{piece}\".*?name=\"pieceId\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        return await agent.PosterDepuisAsync(agent.DernierePage, $"/gestion/dossiers/{id}", $"/gestion/dossiers/{id}?handler=Examiner",
            [new("pieceId", pieceId), new("decision", decision), new("motifUsuel", motif), new("precision", precision)]);
    }

    /// <summary>Posts a form of the officer's file page (set aside, reinstate…).</summary>
    public static async Task<HttpResponseMessage> PosterDossierAsync(ClientPortail agent, Guid id, string handler, KeyValuePair<string, string>[] champs)
    {
        ArgumentNullException.ThrowIfNull(agent);
        await agent.GetAsync($"/gestion/dossiers/{id}");
        return await agent.PosterDepuisAsync(agent.DernierePage, $"/gestion/dossiers/{id}", $"/gestion/dossiers/{id}?handler={handler}", champs);
    }

    /// <summary>
    /// A post with a valid antiforgery token of this agent's own session but to a file they may not see: as an
    /// attacker guessing an id would do.
    /// </summary>
    public static async Task<HttpResponseMessage> PosterSansFormulaireAsync(ClientPortail agent, string cible, KeyValuePair<string, string>[] champs)
    {
        ArgumentNullException.ThrowIfNull(agent);
        await agent.GetAsync("/gestion/dossiers");
        var jeton = Regex.Match(agent.DernierePage, "<input name=\"__RequestVerificationToken\"[^>]*>").Value;
        return await agent.PosterDepuisAsync($"<form method=\"post\" action=\"{cible}\">{jeton}</form>", "/gestion/dossiers", cible, champs);
    }
}
