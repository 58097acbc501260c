using System.Text.RegularExpressions;
using Examens.Web.BrowserTests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.Playwright;
using PdfSharp.Pdf;
using PdfLu = UglyToad.PdfPig.PdfDocument;

namespace Examens.Web.BrowserTests.Pages.Candidat;

/// <summary>
/// The candidate's whole journey in a real browser on a phone-sized screen: sign up, confirm the e-mail from the mail
/// folder, register, upload, download the confirmation and read it back, change a choice, get the new version.
/// axe runs on every page.
/// </summary>
public sealed partial class ParcoursCandidatTests
{
    private const string MotDePasse = ParcoursNavigateur.MotDePasse;

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_candidate_registers_uploads_downloads_the_confirmation_and_changes_a_choice(string baseDeDonnees)
    {
        await using var n = await Navigateur.OuvrirAsync(baseDeDonnees: baseDeDonnees);
        var p = n.Page;
        await ParcoursNavigateur.CreerEtConnecterAsync(n, "elodie@exemple.fr");
        await ParcoursNavigateur.RemplirAsync(n);

        // The plan and documents come from the engine: MS asks for the four attestations (D6).
        await Assertions.Expect(p.GetByText("Attestations de formation exigées en maintenance des systèmes").First).ToBeVisibleAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Soumettre mon inscription" }).ClickAsync();
        await Assertions.Expect(p.Locator("#recu")).ToContainTextAsync("Version 1");
        await n.VerifierAccessibiliteAsync();
        await n.Usine.EnvoyerCourrielsAsync();
        Assert.Single(n.Usine.Courriels(),
            m => m.To.Mailboxes.Any(b => b.Address == "elodie@exemple.fr") && (m.Subject ?? "").StartsWith("Modification d'inscription", StringComparison.Ordinal));

        var telechargement = await p.RunAndWaitForDownloadAsync(() =>
            p.GetByRole(AriaRole.Link, new() { Name = "Télécharger la confirmation d'inscription (PDF, version 1)" }).ClickAsync());
        var chemin = await telechargement.PathAsync();
        using (var pdf = PdfLu.Open(await File.ReadAllBytesAsync(chemin, TestContext.Current.CancellationToken)))
        {
            var texte = string.Concat(pdf.GetPages().Select(x => x.Text));
            Assert.Contains("LEFÈVRE-ÇAĞLAR", texte.ToUpperInvariant(), StringComparison.Ordinal);
            Assert.Contains("Version 1", texte, StringComparison.Ordinal);
            Assert.Contains("arabe littéral", texte, StringComparison.Ordinal);
            Assert.Contains("GLOBALE", texte, StringComparison.Ordinal);
        }

        // A document uploads on its own as soon as it is chosen.
        await n.AllerAsync(new Uri(p.Url).AbsolutePath.Replace("recapitulatif", "pieces", StringComparison.Ordinal));
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Choisir le fichier pour D2").SetInputFilesAsync(new FilePayload { Name = "carte-identite.pdf", MimeType = "application/pdf", Buffer = UnPdf() });
        await Assertions.Expect(p.GetByText("D2 : fichier « carte-identite.pdf » bien reçu.")).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator("#piece-D2")).ToContainTextAsync("reçue, en attente de vérification");
        // A file that is not what its name says is refused with the reason; nothing else changes.
        await p.GetByLabel("Choisir le fichier pour D1").SetInputFilesAsync(new FilePayload { Name = "faux.pdf", MimeType = "application/pdf", Buffer = "ceci n'est pas un PDF"u8.ToArray() });
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("seuls ces formats sont acceptés");
        await Assertions.Expect(p.Locator("#piece-D2")).ToContainTextAsync("reçue, en attente de vérification");
        await n.VerifierAccessibiliteAsync();

        // Come back, change a choice, get the new version.
        await n.AllerAsync(new Uri(p.Url).AbsolutePath.Replace("pieces", "examen", StringComparison.Ordinal));
        await p.GetByLabel("Spécialité et option").SelectOptionAsync("MS|B");
        await p.GetByRole(AriaRole.Button, new() { Name = "Récapitulatif et soumission" }).ClickAsync();
        await Assertions.Expect(p.GetByText("soumettez-la à nouveau")).ToBeVisibleAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Soumettre mon inscription" }).ClickAsync();
        await Assertions.Expect(p.Locator("#recu")).ToContainTextAsync("Version 2");
        await n.AllerAsync(new Uri(p.Url).AbsolutePath.Replace("recapitulatif", "versions", StringComparison.Ordinal));
        await Assertions.Expect(p.GetByRole(AriaRole.Cell, new() { Name = "2", Exact = true }).First).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        await n.AllerAsync("/candidat");
        await Assertions.Expect(p.Locator(".etat-dossier")).ToContainTextAsync("Soumise : version 2");
        await n.VerifierAccessibiliteAsync();
        Assert.True(n.PagesVerifiees.Count >= 14, string.Join(", ", n.PagesVerifiees));
    }

    [Theory]
    [InlineData(59, true)]   // 16:59:59 Paris: in time
    [InlineData(60, false)]  // 17:00:00 Paris: late, even though the page was opened before
    public async Task P12_the_submit_button_at_16_59_59_and_at_17_00_00(int secondes, bool acceptee)
    {
        await using var n = await Navigateur.OuvrirAsync();
        var p = n.Page;
        await ParcoursNavigateur.CreerEtConnecterAsync(n, "limite@exemple.fr");
        await ParcoursNavigateur.RemplirAsync(n);
        n.Usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 15, 59, 0, TimeSpan.Zero).AddSeconds(secondes));
        await p.GetByRole(AriaRole.Button, new() { Name = "Soumettre mon inscription" }).ClickAsync();
        if (acceptee)
        {
            await Assertions.Expect(p.Locator("#recu")).ToContainTextAsync("le mercredi 15 novembre 2023 à 16:59:59");
        }
        else
        {
            await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("Les inscriptions sont closes depuis le mercredi 15 novembre 2023 à 17:00:00");
            await Assertions.Expect(p.GetByRole(AriaRole.Button, new() { Name = "Soumettre mon inscription" })).ToHaveCountAsync(0);
        }

        await n.VerifierAccessibiliteAsync();
        if (!acceptee)
        {
            // P22: after the close the steps are shown read-only; they pass axe in that state too.
            await n.AllerAsync(new Uri(p.Url).AbsolutePath.Replace("recapitulatif", "examen", StringComparison.Ordinal));
            await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Spécialité, forme de passage et langues" })).ToBeVisibleAsync();
            await n.VerifierAccessibiliteAsync();
        }
    }

    [Fact]
    public async Task Keyboard_alone_is_enough_to_sign_in_and_start_a_registration()
    {
        await using var n = await Navigateur.OuvrirAsync(1280, 900);
        var p = n.Page;
        await ParcoursNavigateur.CreerEtConnecterAsync(n, "clavier@exemple.fr");
        await p.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" })).ToBeVisibleAsync();

        await n.AllerAsync("/compte/connexion");
        await TabulerJusquAAsync(p, "#Courriel");
        await p.Keyboard.TypeAsync("clavier@exemple.fr");
        await p.Keyboard.PressAsync("Tab");
        await p.Keyboard.TypeAsync(MotDePasse);
        await p.Keyboard.PressAsync("Enter");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Mon espace" })).ToBeVisibleAsync();

        await TabulerJusquAAsync(p, "form[action*='Commencer'] button");
        await p.Keyboard.PressAsync("Enter");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Identité et coordonnées" })).ToBeVisibleAsync();

        // The skip link is the first stop and leads to the content.
        await p.Keyboard.PressAsync("Tab");
        Assert.Equal("Aller au contenu", await p.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await TabulerJusquAAsync(p, "#Saisie_Nom");
        await p.Keyboard.TypeAsync("Martin");
        await TabulerJusquAAsync(p, "button[value=situation]");
        await p.Keyboard.PressAsync("Enter");
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync(); // the other fields are required: errors, linked
        await n.VerifierAccessibiliteAsync();
        await TabulerJusquAAsync(p, "#resume-erreurs a[href='#Saisie_Prenoms']");
        await p.Keyboard.PressAsync("Enter");
        Assert.Equal("Saisie_Prenoms", await p.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Leaving_a_step_by_a_link_with_unsaved_entries_asks_first_and_keeps_them()
    {
        await using var n = await Navigateur.OuvrirAsync();
        var p = n.Page;
        await ParcoursNavigateur.CreerEtConnecterAsync(n, "oubli-etape@exemple.fr");
        await p.GetByRole(AriaRole.Button, new() { Name = "S'inscrire : BTS session 2024, SIEC – Créteil, Paris, Versailles" }).ClickAsync();
        await p.GetByLabel("Nom de naissance").FillAsync("Durand");
        string? type = null;
        p.Dialog += async (_, dialogue) =>
        {
            type = dialogue.Type;
            await dialogue.DismissAsync(); // the candidate chooses to stay
        };
        await p.GetByRole(AriaRole.Navigation, new() { Name = "Compte" }).GetByRole(AriaRole.Link, new() { Name = "Mon espace" }).ClickAsync();
        await Assertions.Expect(p.GetByLabel("Nom de naissance")).ToHaveValueAsync("Durand");
        Assert.Equal("beforeunload", type);
        Assert.EndsWith("/identite", p.Url, StringComparison.Ordinal);
    }

    private static async Task TabulerJusquAAsync(IPage p, string selecteur)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await p.EvaluateAsync<bool>($"document.activeElement && document.activeElement.matches({System.Text.Json.JsonSerializer.Serialize(selecteur)})"))
            {
                return;
            }

            await p.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"La touche Tab n'atteint jamais « {selecteur} ».");
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
