using Examens.Core.Comptes;
using Examens.Core.Rappels;
using Examens.Web.BrowserTests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PdfSharp.Pdf;

namespace Examens.Web.BrowserTests.Pages.Gestion;

/// <summary>
/// RGAA: the lists page (with its error state), the dashboard with its chart, an identity correction request (asked by
/// the candidate, decided by the office) and a file with its reminders pass axe.
/// </summary>
public sealed class ListesEtTableauDeBordTests
{
    [Fact]
    public async Task The_lists_the_dashboard_and_the_reminders_pass_axe()
    {
        await using var n = await Navigateur.OuvrirAsync(largeur: 1280, hauteur: 900);
        var p = n.Page;
        await ParcoursNavigateur.CreerEtConnecterAsync(n, "candidat@exemple.fr");
        await ParcoursNavigateur.RemplirAsync(n);
        var inscription = new Uri(p.Url).AbsolutePath.Split('/')[3];
        // One hour before SIEC's close: the 6-hour reminder of the draft.
        using (var portee = n.Usine.Services.CreateScope())
        {
            Assert.Equal(1, await portee.ServiceProvider.GetRequiredService<EnvoyerRappels>().ExecuterAsync(TestContext.Current.CancellationToken));
        }

        // R68: once the identity is locked, the candidate asks for a correction (the form starts from the current identity);
        // the form with its errors, then the request pending.
        using (var portee = n.Usine.Services.CreateScope())
        {
            var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
            var candidat = (await comptes.FindByEmailAsync("candidat@exemple.fr"))!;
            candidat.VerrouillerIdentite();
            Assert.True((await comptes.UpdateAsync(candidat)).Succeeded);
        }

        await n.AllerAsync("/candidat/identite/correction");
        await p.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("Expliquez ce qui est à corriger.");
        await Assertions.Expect(p.Locator(".champ .erreur")).ToContainTextAsync(["Expliquez ce qui est à corriger.", "Joignez un justificatif non vide"]);
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Nom de naissance").FillAsync("Lefèvre-Çağlar");
        await p.GetByLabel("Prénoms").FillAsync("Élodie Marie");
        await p.GetByLabel("Date de naissance (jj/mm/aaaa)").FillAsync("29/02/2000");
        await p.GetByLabel("Lieu de naissance").FillAsync("Fort-de-France");
        await p.GetByLabel("Ce qui est à corriger").FillAsync("Mon second prénom manque.");
        await p.GetByLabel("Justificatif (PDF, JPEG ou PNG)").SetInputFilesAsync(new FilePayload { Name = "acte.pdf", MimeType = "application/pdf", Buffer = UnPdf() });
        await p.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Votre demande de correction est envoyée au service des examens.")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.Context.ClearCookiesAsync();

        string cle;
        using (var portee = n.Usine.Services.CreateScope())
        {
            var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
            var agent = new Compte { UserName = "admin@exemple.fr", Email = "admin@exemple.fr", EmailConfirmed = true };
            Assert.True((await comptes.CreateAsync(agent, ParcoursNavigateur.MotDePasse)).Succeeded);
            Assert.True((await comptes.AddToRoleAsync(agent, RolesPersonnel.Administrateur)).Succeeded);
            await comptes.ResetAuthenticatorKeyAsync(agent);
            await comptes.SetTwoFactorEnabledAsync(agent, true);
            cle = (await comptes.GetAuthenticatorKeyAsync(agent))!;
        }

        await n.AllerAsync("/gestion/connexion");
        await p.GetByLabel("Adresse électronique").FillAsync("admin@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await p.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(cle));
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await p.GetByRole(AriaRole.Link, new() { Name = "Listes" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Listes d'inscriptions" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await Assertions.Expect(p.GetByLabel("Session et académie")).ToBeVisibleAsync();
        await Assertions.Expect(p.GetByLabel("par langue vivante")).ToBeVisibleAsync();
        await n.AllerAsync("/gestion/exports?handler=csv");
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("Choisissez l'académie et la session de la liste.");
        await n.VerifierAccessibiliteAsync();

        await p.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).First.ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord" })).ToBeVisibleAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Img, new() { Name = "Inscriptions soumises par jour de la fenêtre" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByText("Les mêmes chiffres en tableau").ClickAsync();
        await n.VerifierAccessibiliteAsync();

        // The pending correction request, a refusal without its reason shown back, then the list once it is approved.
        await n.AllerAsync("/gestion/dossiers");
        await p.GetByRole(AriaRole.Link, new() { Name = "Demandes de correction d'identité" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "candidat@exemple.fr" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Assertions.Expect(p.Locator(".champ .erreur")).ToHaveTextAsync("Un refus doit être motivé : écrivez le motif (le candidat le lira).");
        await n.VerifierAccessibiliteAsync();
        // The summary's error leads to the reason field.
        await p.Locator("#resume-erreurs a").ClickAsync();
        await Assertions.Expect(p.GetByLabel("Motif (obligatoire pour un refus, lu par le candidat)")).ToBeFocusedAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Approuver" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Aucune demande en attente.")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        await n.AllerAsync($"/gestion/dossiers/{inscription}");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Rappels envoyés au candidat" })).ToBeVisibleAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Cell, new() { Name = "6 heures avant l'échéance", Exact = true })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
    }

    private static byte[] UnPdf()
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }
}
