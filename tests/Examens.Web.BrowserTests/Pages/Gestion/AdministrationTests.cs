using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Web.BrowserTests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Examens.Web.BrowserTests.Pages.Gestion;

/// <summary>RGAA on the administration pages: an administrator invites an officer, who enrols an authenticator; sessions and academies.</summary>
public sealed partial class AdministrationTests
{
    [Fact]
    public async Task The_staff_and_sessions_pages_pass_axe_along_an_invitation_and_an_enrolment()
    {
        await using var n = await Navigateur.OuvrirAsync(1280, 900);
        var p = n.Page;
        string cleChef;
        using (var portee = n.Usine.Services.CreateScope())
        {
            var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
            var chef = new Compte { UserName = "chef@exemple.fr", Email = "chef@exemple.fr", EmailConfirmed = true, Nom = "Chef", Prenoms = "Camille" };
            await comptes.CreateAsync(chef, ParcoursNavigateur.MotDePasse);
            await comptes.AddToRoleAsync(chef, RolesPersonnel.Administrateur);
            await comptes.ResetAuthenticatorKeyAsync(chef);
            await comptes.SetTwoFactorEnabledAsync(chef, true);
            cleChef = (await comptes.GetAuthenticatorKeyAsync(chef))!;
        }

        // Both sign-in steps, shown back with their error first.
        await n.AllerAsync("/gestion/connexion");
        await p.GetByLabel("Adresse électronique").FillAsync("chef@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync("pas le bon mot de passe");
        await p.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Mot de passe").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Code à 6 chiffres ou code de secours").FillAsync(CodeFaux(cleChef));
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Code à 6 chiffres ou code de secours").FillAsync(Totp.Code(cleChef));
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await p.GetByRole(AriaRole.Link, new() { Name = "Personnel" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Personnel du service des examens" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Ajouter un membre du personnel" }).ClickAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Créer le compte et envoyer l'invitation" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("Un gestionnaire a au moins une académie");
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Adresse électronique").FillAsync("agent@exemple.fr");
        await p.GetByLabel("Nom", new() { Exact = true }).FillAsync("Durand");
        await p.GetByLabel("Prénoms").FillAsync("Anaïs");
        await p.GetByLabel("SIEC – SIEC – Créteil, Paris, Versailles").CheckAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Créer le compte et envoyer l'invitation" }).ClickAsync();
        await Assertions.Expect(p.GetByText("l'invitation à choisir un mot de passe lui a été envoyée")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        // A staff member's page shown back with its error: an officer left with no academy.
        await p.GetByLabel("SIEC – SIEC – Créteil, Paris, Versailles").UncheckAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les académies" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Retour à la liste du personnel" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Cell, new() { Name = "agent@exemple.fr" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        await p.GetByRole(AriaRole.Link, new() { Name = "Sessions" }).ClickAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Créer la session" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "BTS session 2024" }).ClickAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "SIEC – SIEC – Créteil, Paris, Versailles" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Modifier la clôture" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Retour à la session BTS session 2024" }).ClickAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Ajouter une académie" }).ClickAsync();
        await p.GetByLabel("Fuseau horaire (nom IANA)").FillAsync("Europe/Lile");
        await p.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'académie" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("n'existe pas");
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Retour à la session BTS session 2024" }).ClickAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Catalogue des spécialités pour cette session" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "MS – Maintenance des systèmes" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        // The officer: the invitation link, the password, then the enrolment of an authenticator.
        await p.GotoAsync(LienRegex().Match(n.Usine.DernierCourrielPour("agent@exemple.fr").TextBody ?? "").Groups[1].Value);
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByLabel("Mot de passe, une seconde fois").FillAsync("un autre mot de passe");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByLabel("Mot de passe, une seconde fois").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Se connecter à la gestion" }).ClickAsync();
        await p.GetByLabel("Adresse électronique").FillAsync("agent@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Associer une application d'authentification" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        var cle = (await p.Locator("#cle").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await p.GetByLabel("Code à 6 chiffres").FillAsync(CodeFaux(cle));
        await p.GetByRole(AriaRole.Button, new() { Name = "Associer l'application" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(cle));
        await p.GetByRole(AriaRole.Button, new() { Name = "Associer l'application" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Vos codes de secours" })).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator(".codes-secours li")).ToHaveCountAsync(10);
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "J'ai noté mes codes : continuer vers la gestion" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Dossiers d'inscription" })).ToBeVisibleAsync();
    }

    /// <summary>A six-digit code that is not the current one.</summary>
    private static string CodeFaux(string cle) => Totp.Code(cle) == "000000" ? "111111" : "000000";

    [GeneratedRegex(@"(http://\S+/gestion/invitation\S+)")]
    private static partial Regex LienRegex();
}
