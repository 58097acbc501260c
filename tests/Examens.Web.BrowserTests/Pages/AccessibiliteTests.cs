using System.Text.RegularExpressions;
using Examens.Web.BrowserTests.Outils;
using Microsoft.Playwright;

namespace Examens.Web.BrowserTests.Pages;

/// <summary>RGAA: the pages the journeys do not cross pass axe too (no serious or critical violation).</summary>
public sealed partial class AccessibiliteTests
{
    [Fact]
    public async Task Every_other_page_passes_axe()
    {
        await using var n = await Navigateur.OuvrirAsync();
        var p = n.Page;
        await n.AllerAsync("/compte/mot-de-passe-oublie");
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync(); // empty field: the error summary
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync("/compte/reinitialiser?id=x&code=y");
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync("/compte/confirmer?id=x&code=y");
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync("/une-page-qui-n-existe-pas");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        foreach (var (code, titre) in new[] { (400, "Demande refusée"), (413, "Fichier trop volumineux"), (429, "Trop de demandes") })
        {
            await n.AllerAsync($"/erreur/{code}");
            await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = titre })).ToBeVisibleAsync();
            await n.VerifierAccessibiliteAsync();
        }

        // The sign-up and sign-in forms shown back with their errors.
        await n.AllerAsync("/compte/creer");
        await p.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync("/compte/connexion");
        await p.GetByLabel("Adresse électronique").FillAsync("inconnu@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync("pas le bon mot de passe");
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        // An account not confirmed yet: signing in offers a new confirmation link.
        await n.AllerAsync("/compte/creer");
        await p.GetByLabel("Adresse électronique").FillAsync("pas-confirme@exemple.fr");
        await p.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByLabel("Mot de passe, une seconde fois").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Votre compte est créé.")).ToBeVisibleAsync();
        await n.AllerAsync("/compte/connexion");
        await p.GetByLabel("Adresse électronique").FillAsync("pas-confirme@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Button, new() { Name = "Recevoir un nouveau lien de confirmation" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        await ParcoursNavigateur.CreerEtConnecterAsync(n, "axe@exemple.fr");
        await ParcoursNavigateur.RemplirAsync(n);
        var inscription = new Uri(p.Url).AbsolutePath.Replace("/recapitulatif", "", StringComparison.Ordinal);

        // A renunciation shows its definitive cost and asks for a second confirmation.
        await n.AllerAsync($"{inscription}/notes");
        await p.GetByLabel("Unité").SelectOptionAsync("U31");
        await p.GetByLabel("Note sur 20").FillAsync("8,5");
        await p.GetByLabel("Date d'obtention (délibération)").FillAsync("01/07/2022");
        await p.GetByLabel("Votre choix").SelectOptionAsync("Renoncement");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et ajouter une ligne" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Renoncer à cette note est définitif.")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        // A wrong value gets its message next to the field and in the summary.
        await n.AllerAsync($"{inscription}/dispenses");
        await p.GetByLabel("Intitulé du diplôme").FillAsync("<script>alert(1)</script>");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et ajouter une ligne" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("choisissez l'unité dans la liste");
        await n.VerifierAccessibiliteAsync();

        await n.AllerAsync($"{inscription}/recapitulatif");
        // The renunciation is not confirmed yet: the page says what to fix, and submitting is not offered.
        await Assertions.Expect(p.GetByText("Confirmez le renoncement à la note de U31 : il est définitif.")).ToBeVisibleAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Button, new() { Name = "Soumettre mon inscription" })).ToBeDisabledAsync();
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync($"{inscription}/versions");
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync($"{inscription}/pieces");
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync("/candidat/identite/correction");
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync("/candidat/resultats");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Mes résultats" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync("/compte/deconnexion");
        await n.VerifierAccessibiliteAsync();

        // The identity step shown back with its errors.
        await n.AllerAsync($"{inscription}/identite");
        await p.GetByLabel("Nom de naissance").FillAsync("");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        // A candidate opening a back-office page: the "access refused" page.
        await n.AllerAsync("/gestion/dossiers");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        // A forgotten password: the request sent, the mail's link, the new password shown back with its error, then changed.
        await p.Context.ClearCookiesAsync();
        await n.AllerAsync("/compte/mot-de-passe-oublie");
        await p.GetByLabel("Adresse électronique").FillAsync("axe@exemple.fr");
        await p.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Si un compte confirmé existe pour cette adresse")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GotoAsync(LienReinitialisationRegex().Match(n.Usine.DernierCourrielPour("axe@exemple.fr").TextBody ?? "").Groups[1].Value);
        await p.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync("un nouveau mot de passe solide");
        await p.GetByLabel("Nouveau mot de passe, une seconde fois").FillAsync("un autre mot de passe solide");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync("un nouveau mot de passe solide");
        await p.GetByLabel("Nouveau mot de passe, une seconde fois").FillAsync("un nouveau mot de passe solide");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Votre mot de passe est changé.")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
    }

    [GeneratedRegex(@"(http://\S+/compte/reinitialiser\S+)")]
    private static partial Regex LienReinitialisationRegex();
}
