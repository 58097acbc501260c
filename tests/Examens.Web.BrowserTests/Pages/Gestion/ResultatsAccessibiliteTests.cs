using Examens.Core.Comptes;
using Examens.Core.Convocations;
using Examens.Core.Notes;
using Examens.Core.Persistance;
using Examens.Core.Tests.Outils;
using Examens.Domain.Deliberations;
using Examens.Web.BrowserTests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Examens.Web.BrowserTests.Pages.Gestion;

/// <summary>RGAA: the convocation and grade pages of the back office pass axe, with their error states, and work by keyboard.</summary>
public sealed class ResultatsAccessibiliteTests
{
    private const string MotDePasse = "cheval agrafe correct batterie";

    [Fact]
    public async Task Centres_convocations_grades_and_mismatches_pages_pass_axe()
    {
        await using var n = await Navigateur.OuvrirAsync(1280, 900);
        var p = n.Page;
        int session;
        string cle;
        using (var portee = n.Usine.Services.CreateScope())
        {
            var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
            var chef = new Compte { UserName = "chef@exemple.fr", Email = "chef@exemple.fr", EmailConfirmed = true };
            await comptes.CreateAsync(chef, MotDePasse);
            await comptes.AddToRoleAsync(chef, RolesPersonnel.Administrateur);
            await comptes.ResetAuthenticatorKeyAsync(chef);
            await comptes.SetTwoFactorEnabledAsync(chef, true);
            cle = (await comptes.GetAuthenticatorKeyAsync(chef))!;

            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var (s, inscriptions) = await SessionDeTest.CreerAsync(db, ("elodie", SessionDeTest.Ms("A", "arabe")), ("paul", SessionDeTest.Ms("A")));
            session = s;
            var centre = new CentreExamen { SessionId = s, CodeAcademie = "SIEC", Nom = "Lycée Arago", Adresse = "4 place de la Nation\n75012 Paris", Capacite = 30 };
            db.CentresExamen.Add(centre);
            db.HorairesEpreuves.Add(new HoraireEpreuve { SessionId = s, Specialite = "MS", Unite = "U2", Date = new DateOnly(2024, 5, 13), Debut = new TimeOnly(9, 0), DureeMinutes = 90 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.AffectationsCentres.Add(new AffectationCentre { InscriptionId = inscriptions["elodie"].Id, CentreId = centre.Id });
            db.SaisiesNotes.Add(new SaisieNote { InscriptionId = inscriptions["paul"].Id, Unite = "U4", Numero = 1, Nature = NatureResultat.Note, Note = 14, Acteur = "a" });
            db.SaisiesNotes.Add(new SaisieNote { InscriptionId = inscriptions["paul"].Id, Unite = "U4", Numero = 2, Nature = NatureResultat.Note, Note = 11, Acteur = "b" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await n.AllerAsync("/gestion/connexion");
        await p.GetByLabel("Adresse électronique").FillAsync("chef@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync(MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await p.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(cle));
        await p.GetByLabel("Code à 6 chiffres").PressAsync("Enter");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Dossiers d'inscription" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        await n.AllerAsync($"/gestion/sessions/{session}/centres");
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Ajouter le centre" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("Indiquez le nom du centre");
        await n.VerifierAccessibiliteAsync();

        await n.AllerAsync($"/gestion/sessions/{session}/convocations");
        await n.VerifierAccessibiliteAsync();
        // Keyboard only: the publication button is reached and pressed with the keyboard; the page lists what is missing.
        await p.GetByRole(AriaRole.Button, new() { Name = "Publier les convocations de la session" }).FocusAsync();
        await p.Keyboard.PressAsync("Enter");
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("aucun centre d'examen affecté");
        await n.VerifierAccessibiliteAsync();

        using (var portee = n.Usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var s = await db.Sessions.FindAsync([session], TestContext.Current.CancellationToken);
            s!.ConvocationsPubliees = true;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await n.AllerAsync($"/gestion/sessions/{session}/convocations");
        await n.VerifierAccessibiliteAsync();

        await n.AllerAsync($"/gestion/sessions/{session}/notes");
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Afficher les candidats" }).ClickAsync();
        await p.GetByLabel("Note du candidat 2024-SIEC-000001").FillAsync("21");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la saisie 1" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("la note 21 doit être comprise entre 0 et 20.");
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("Choisissez le fichier CSV des notes du centre.");
        await n.VerifierAccessibiliteAsync();

        await n.AllerAsync($"/gestion/sessions/{session}/notes/ecarts");
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Candidat 2024-SIEC-000002 (Nom-paul Élodie) – unité U4" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Trancher" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
    }
}
