using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Core.Tests.Outils;
using Examens.Web.BrowserTests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Examens.Web.BrowserTests.Pages.Gestion;

/// <summary>
/// RGAA on the newest pages: the officer's edit pages of a registration (choices, earlier grades, exemptions) and the
/// candidate's "Mes données" page pass axe with no serious or critical violation, in their first and error states,
/// and their submit button is reached and pressed with the keyboard alone.
/// </summary>
public sealed class ModificationsAccessibiliteTests
{
    private const string MotDePasse = "cheval agrafe correct batterie";

    /// <summary>Tab until the element matching <paramref name="selecteur"/> has the focus (a person with no mouse).</summary>
    private static async Task TabulerJusquAAsync(IPage p, string selecteur)
    {
        await p.Locator("body").FocusAsync();
        for (var i = 0; i < 120; i++)
        {
            if (await p.EvaluateAsync<bool>($"document.activeElement && document.activeElement.matches({System.Text.Json.JsonSerializer.Serialize(selecteur)})"))
            {
                return;
            }

            await p.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"La touche Tab n'atteint jamais « {selecteur} » sur {p.Url}.");
    }

    [Fact]
    public async Task The_officer_edit_pages_pass_axe_and_are_submitted_by_keyboard()
    {
        await using var n = await Navigateur.OuvrirAsync(1280, 900);
        var p = n.Page;
        // A submitted registration, after the close (P22: only the exam office edits it then).
        n.Usine.Horloge.Advance(TimeSpan.FromMinutes(65));
        string cle;
        Guid id;
        using (var portee = n.Usine.Services.CreateScope())
        {
            var (_, inscriptions) = await SessionDeTest.CreerAsync(portee.ServiceProvider.GetRequiredService<ExamensDbContext>(), ("elodie", SessionDeTest.Ms("A", "arabe")));
            id = inscriptions["elodie"].Id;
            var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
            var chef = new Compte { UserName = "chef@exemple.fr", Email = "chef@exemple.fr", EmailConfirmed = true };
            await comptes.CreateAsync(chef, MotDePasse);
            await comptes.AddToRoleAsync(chef, RolesPersonnel.Administrateur);
            await comptes.ResetAuthenticatorKeyAsync(chef);
            await comptes.SetTwoFactorEnabledAsync(chef, true);
            cle = (await comptes.GetAuthenticatorKeyAsync(chef))!;
        }

        await n.AllerAsync("/gestion/connexion");
        await p.GetByLabel("Adresse électronique").FillAsync("chef@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync(MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await p.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(cle));
        await p.GetByLabel("Code à 6 chiffres").PressAsync("Enter");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Dossiers d'inscription" })).ToBeVisibleAsync();

        foreach (var (chemin, titre) in new[]
        {
            ("modifier", "Modifier l'inscription"),
            ("modifier/notes", "Modifier les notes antérieures"),
            ("modifier/dispenses", "Modifier les dispenses"),
        })
        {
            await n.AllerAsync($"/gestion/dossiers/{id}/{chemin}");
            await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = titre })).ToBeVisibleAsync();
            await n.VerifierAccessibiliteAsync();

            // Keyboard only: the submit button is reached with Tab and pressed with Enter; with no reason given the
            // page comes back with its error summary, which passes axe too.
            await TabulerJusquAAsync(p, "main button[type=submit].bouton");
            Assert.Equal("Enregistrer la nouvelle version", (await p.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
            await p.Keyboard.PressAsync("Enter");
            await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("motif");
            await n.VerifierAccessibiliteAsync();
        }

        Assert.Equal(6, n.PagesVerifiees.Count(c => c.Contains("/modifier", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_my_data_page_passes_axe_and_its_download_is_started_by_keyboard()
    {
        await using var n = await Navigateur.OuvrirAsync();
        var p = n.Page;
        await ParcoursNavigateur.CreerEtConnecterAsync(n, "donnees@exemple.fr");
        await n.AllerAsync("/candidat/mes-donnees");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Mes données" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        await TabulerJusquAAsync(p, "main button[type=submit]");
        Assert.Equal("Télécharger mes données (ZIP)", (await p.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        var telechargement = await p.RunAndWaitForDownloadAsync(() => p.Keyboard.PressAsync("Enter"));
        Assert.EndsWith(".zip", telechargement.SuggestedFilename, StringComparison.Ordinal);
        await n.VerifierAccessibiliteAsync();
    }
}
