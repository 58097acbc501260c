using System.Text;
using System.Text.RegularExpressions;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Outils;

/// <summary>Registrations made through the portal as candidates make them, for the exports, dashboard and reminders tests.</summary>
public static partial class JeuInscriptions
{
    public sealed record Dossier(ClientPortail Candidat, string Chemin, Guid Id, string Numero);

    /// <summary>A draft filled in (MS option A, anglais + arabe by default), submitted or not.</summary>
    public static async Task<Dossier> CreerAsync(UsineExamens usine, string courriel, string academie, bool soumettre,
        string specialiteOption = "MS|A", string langue = "anglais", string? facultative = "arabe")
    {
        ArgumentNullException.ThrowIfNull(usine);
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var chemin = await Parcours.CommencerAsync(usine, client, academie);
        await Parcours.RemplirAsync(client, chemin);
        if (specialiteOption != "MS|A" || langue != "anglais" || facultative != "arabe")
        {
            await client.SoumettreAsync($"{chemin}/examen",
                [new("Saisie.SpecialiteOption", specialiteOption), new("Saisie.Forme", "Globale"), new("Saisie.ConfirmeForme", "true"),
                 new("Saisie.LangueObligatoire", langue), new("Saisie.LangueFacultative", facultative ?? ""), new("aller", "recapitulatif")]);
        }

        if (soumettre)
        {
            await client.SoumettreAsync($"{chemin}/recapitulatif", [], "Soumettre");
        }

        var id = Guid.Parse(chemin.Split('/')[^1]);
        using var portee = usine.Services.CreateScope();
        var inscription = await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Inscriptions.SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(soumettre ? EtatInscription.Soumise : EtatInscription.Brouillon, inscription.Etat);
        return new Dossier(client, chemin, id, inscription.Numero);
    }

    public static async Task RetirerAsync(Dossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        await d.Candidat.SoumettreAsync($"{d.Chemin}/recapitulatif", [new("confirmeRetrait", "true")], "Retirer");
    }

    /// <summary>Uploads a file for every document the pieces page asks for; returns their codes.</summary>
    public static async Task<IReadOnlyList<string>> DeposerToutAsync(Dossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        await d.Candidat.GetAsync($"{d.Chemin}/pieces");
        var pieces = PieceRegex().Matches(d.Candidat.DernierePage).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(pieces);
        foreach (var p in pieces)
        {
            await d.Candidat.DeposerAsync($"{d.Chemin}/pieces", p, UnPdf(p), $"{p.ToLowerInvariant()}.pdf");
        }

        return pieces;
    }

    /// <summary>The officer accepts each document on the file page: the file becomes complete.</summary>
    public static async Task AccepterToutAsync(ClientPortail agent, Dossier d, IEnumerable<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(d);
        foreach (var p in pieces)
        {
            await agent.GetAsync($"/gestion/dossiers/{d.Id}");
            var pieceId = Regex.Match(agent.DernierePage, $"id=\"piece-{p}\".*?name=\"pieceId\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
            await agent.PosterDepuisAsync(agent.DernierePage, $"/gestion/dossiers/{d.Id}", $"/gestion/dossiers/{d.Id}?handler=Examiner",
                [new("pieceId", pieceId), new("decision", "Acceptee"), new("motifUsuel", ""), new("precision", "")]);
            Assert.Contains($"Pièce {p} acceptée.", agent.DernierePage, StringComparison.Ordinal);
        }
    }

    public static byte[] UnPdf(string marque)
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return [.. flux.ToArray(), .. Encoding.ASCII.GetBytes($"\n%{marque}\n")];
    }

    [GeneratedRegex("id=\"piece-(D[0-9]+)\"")]
    private static partial Regex PieceRegex();
}
