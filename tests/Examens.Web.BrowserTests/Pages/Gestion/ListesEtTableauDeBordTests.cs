using Examens.Core.Comptes;
using Examens.Core.Rappels;
using Examens.Web.BrowserTests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Examens.Web.BrowserTests.Pages.Gestion;

/// <summary>RGAA: the lists page (with its error state), the dashboard with its chart, and a file with its reminders pass axe.</summary>
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

        await n.AllerAsync($"/gestion/dossiers/{inscription}");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Rappels envoyés au candidat" })).ToBeVisibleAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Cell, new() { Name = "6 heures avant l'échéance", Exact = true })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
    }
}
