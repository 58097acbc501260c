using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Examens.Web.BrowserTests.Outils;

/// <summary>The steps a person takes, in the browser, before what a test is about.</summary>
public static partial class ParcoursNavigateur
{
    public const string MotDePasse = "cheval agrafe correct batterie";

    public static async Task CreerEtConnecterAsync(Navigateur n, string courriel)
    {
        var p = n.Page;
        await n.AllerAsync("/");
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Adresse électronique").FillAsync(courriel);
        await p.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(MotDePasse);
        await p.GetByLabel("Mot de passe, une seconde fois").FillAsync(MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Votre compte est créé.")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        var lien = LienRegex().Match(n.Usine.DernierCourrielPour(courriel).TextBody ?? "").Groups[1].Value;
        await p.GotoAsync(lien);
        await Assertions.Expect(p.GetByText("Votre adresse électronique est confirmée.")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        await p.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).First.ClickAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Adresse électronique").FillAsync(courriel);
        await p.GetByLabel("Mot de passe").FillAsync(MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Mon espace" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
    }

    public static async Task RemplirAsync(Navigateur n)
    {
        var p = n.Page;
        await p.GetByRole(AriaRole.Button, new() { Name = "S'inscrire : BTS session 2024, SIEC – Créteil, Paris, Versailles" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Identité et coordonnées" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Nom de naissance").FillAsync("Lefèvre-Çağlar");
        await p.GetByLabel("Prénoms (tous, dans l'ordre de l'état civil)").FillAsync("Élodie");
        await p.GetByLabel("Date de naissance").FillAsync("29/02/2000");
        await p.GetByLabel("Lieu de naissance (commune, et pays si hors de France)").FillAsync("Fort-de-France");
        await p.GetByLabel("Adresse (numéro et rue, complément)").FillAsync("12 rue des Écoles");
        await p.GetByLabel("Code postal").FillAsync("75005");
        await p.GetByLabel("Commune", new() { Exact = true }).FillAsync("Paris");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();

        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Votre situation" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel(new Regex("^Enseignement à distance")).CheckAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();

        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Spécialité, forme de passage et langues" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Spécialité et option").SelectOptionAsync("MS|A");
        await p.GetByLabel(new Regex("^Forme globale")).CheckAsync();
        await p.GetByLabel("Langue de l'épreuve obligatoire").SelectOptionAsync("anglais");
        await p.GetByLabel("Langue de l'épreuve facultative (si vous en présentez une)").SelectOptionAsync("arabe");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        // R11: the choice is confirmed only once its cost has been shown.
        await Assertions.Expect(p.GetByText("Ce choix ne pourra plus être modifié au cours de votre formation.")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Je confirme choisir la forme globale en sachant que ce choix est définitif.").CheckAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();

        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Notes des sessions antérieures" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Dispenses d'unités" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Récapitulatif et soumission" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
    }

    [GeneratedRegex(@"(http://\S+/compte/confirmer\S+)")]
    private static partial Regex LienRegex();
}
