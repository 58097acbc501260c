using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.BrowserTests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PdfSharp.Pdf;

namespace Examens.Web.BrowserTests.Pages.Gestion;

/// <summary>
/// The review journey in a real browser: a candidate uploads, an officer rejects one document with a reason, the
/// candidate reads it and replaces the file, the officer accepts every document, the file is complete. axe runs on
/// every page of it, the candidate's and the officer's.
/// </summary>
public sealed class ParcoursExamenTests
{
    private const string Agent = "agent@exemple.fr";

    private static byte[] UnPdf(string marque)
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return [.. flux.ToArray(), .. System.Text.Encoding.ASCII.GetBytes($"\n%{marque}\n")];
    }

    /// <summary>An officer of the SIEC as an administrator makes one (confirmed, two-factor on); returns the authenticator key.</summary>
    private static async Task<string> CreerAgentAsync(Navigateur n)
    {
        using var portee = n.Usine.Services.CreateScope();
        var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
        var compte = new Compte { UserName = Agent, Email = Agent, EmailConfirmed = true };
        Assert.True((await comptes.CreateAsync(compte, ParcoursNavigateur.MotDePasse)).Succeeded);
        Assert.True((await comptes.AddToRoleAsync(compte, RolesPersonnel.Gestionnaire)).Succeeded);
        await comptes.ResetAuthenticatorKeyAsync(compte);
        await comptes.SetTwoFactorEnabledAsync(compte, true);
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        db.PerimetresGestionnaires.Add(new PerimetreGestionnaire { CompteId = compte.Id, CodeAcademie = "SIEC" });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (await comptes.GetAuthenticatorKeyAsync(compte))!;
    }

    private static async Task SeDeconnecterAsync(Navigateur n) =>
        await n.Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

    private static async Task AgentConnecteAsync(Navigateur n, string cle)
    {
        var p = n.Page;
        await n.AllerAsync("/gestion/connexion");
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Adresse électronique").FillAsync(Agent);
        await p.GetByLabel("Mot de passe").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await p.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(cle));
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
    }

    private static async Task CandidatConnecteAsync(Navigateur n)
    {
        var p = n.Page;
        await n.AllerAsync("/compte/connexion");
        await p.GetByLabel("Adresse électronique").FillAsync("elodie@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Mon espace" })).ToBeVisibleAsync();
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Uploaded_rejected_with_a_reason_replaced_accepted_and_the_file_is_complete(string baseDeDonnees)
    {
        await using var n = await Navigateur.OuvrirAsync(largeur: 1280, hauteur: 900, baseDeDonnees: baseDeDonnees);
        var p = n.Page;
        var cle = await CreerAgentAsync(n);

        // The candidate registers, submits and uploads every document asked.
        await ParcoursNavigateur.CreerEtConnecterAsync(n, "elodie@exemple.fr");
        await ParcoursNavigateur.RemplirAsync(n);
        await p.GetByRole(AriaRole.Button, new() { Name = "Soumettre mon inscription" }).ClickAsync();
        await Assertions.Expect(p.Locator("#recu")).ToContainTextAsync("Version 1");
        var pieces = new Uri(p.Url).AbsolutePath.Replace("recapitulatif", "pieces", StringComparison.Ordinal);
        await n.AllerAsync(pieces);
        var codes = new List<string>();
        foreach (var id in await p.Locator("li.piece").EvaluateAllAsync<string[]>("els => els.map(e => e.id)"))
        {
            codes.Add(id.Replace("piece-", "", StringComparison.Ordinal));
        }

        Assert.Contains("D2", codes);
        foreach (var code in codes)
        {
            await p.GetByLabel($"Choisir le fichier pour {code}").SetInputFilesAsync(new FilePayload { Name = $"{code.ToLowerInvariant()}.pdf", MimeType = "application/pdf", Buffer = UnPdf(code) });
            await Assertions.Expect(p.Locator($"#piece-{code}")).ToContainTextAsync("reçue, en attente de vérification");
        }

        await n.VerifierAccessibiliteAsync();
        await SeDeconnecterAsync(n);

        // The officer finds the file in the list and rejects D2 with a usual reason and a precision.
        await AgentConnecteAsync(n, cle);
        await n.AllerAsync("/gestion/dossiers");
        await n.VerifierAccessibiliteAsync();
        await p.Locator("tr.dossier a").First.ClickAsync();
        await Assertions.Expect(p.Locator("#statut")).ToContainTextAsync("dossier incomplet");
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Motif de refus").Nth(codes.IndexOf("D2")).SelectOptionAsync("Illisible");
        await p.Locator("#precision-D2").FillAsync("la photo est floue");
        await p.GetByRole(AriaRole.Button, new() { Name = "Refuser D2" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Pièce D2 refusée. Le candidat est prévenu par courriel.")).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator("#piece-D2")).ToContainTextAsync("motif : Illisible : la photo est floue");
        await n.VerifierAccessibiliteAsync();
        Assert.StartsWith("Pièce D2 refusée", n.Usine.DernierCourrielPour("elodie@exemple.fr").Subject, StringComparison.Ordinal);
        await SeDeconnecterAsync(n);

        // The candidate reads the reason (home, documents, trail) and replaces the file.
        await CandidatConnecteAsync(n);
        await Assertions.Expect(p.GetByText(new Regex("Pièce D2 .*: refusée"))).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync(pieces);
        await Assertions.Expect(p.Locator("#piece-D2")).ToContainTextAsync("motif : Illisible : la photo est floue");
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Remplacer le fichier pour D2").SetInputFilesAsync(new FilePayload { Name = "carte-nette.pdf", MimeType = "application/pdf", Buffer = UnPdf("nette") });
        await Assertions.Expect(p.GetByText("D2 : fichier « carte-nette.pdf » bien reçu.")).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator("#piece-D2")).ToContainTextAsync("reçue, en attente de vérification");
        await n.AllerAsync(pieces.Replace("pieces", "journal", StringComparison.Ordinal));
        await Assertions.Expect(p.Locator("table.journal")).ToContainTextAsync("le service des examens");
        await Assertions.Expect(p.Locator("table.journal")).Not.ToContainTextAsync(Agent);
        await n.VerifierAccessibiliteAsync();
        await SeDeconnecterAsync(n);

        // The officer accepts every document: the file is complete, in its page and in the list.
        await AgentConnecteAsync(n, cle);
        await n.AllerAsync("/gestion/dossiers");
        await p.Locator("tr.dossier a").First.ClickAsync();
        foreach (var code in codes)
        {
            await p.GetByRole(AriaRole.Button, new() { Name = $"Accepter {code}" }).ClickAsync();
            await Assertions.Expect(p.GetByText($"Pièce {code} acceptée.")).ToBeVisibleAsync();
        }

        await Assertions.Expect(p.Locator("#statut")).ToContainTextAsync("dossier complet");
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync("/gestion/dossiers?complet=oui");
        await Assertions.Expect(p.Locator("tr.dossier")).ToHaveCountAsync(1);
        await Assertions.Expect(p.Locator("tr.dossier")).ToContainTextAsync("complet");
        await n.VerifierAccessibiliteAsync();
        Assert.True(n.PagesVerifiees.Count >= 16, string.Join(", ", n.PagesVerifiees));
    }
}
