using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;
using Examens.Web.BrowserTests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Examens.Web.BrowserTests.Pages;

/// <summary>RGAA: the deliberation, jury and results pages pass axe, with their forms used by keyboard-reachable controls.</summary>
public sealed class ResultatsAccessibiliteTests
{
    private static readonly (string Unite, decimal Note)[] Notes = [("U1", 12m), ("U21", 8m), ("U22", 9m), ("U3", 13m), ("U41", 7m), ("U42", 8m), ("U5", 9m), ("U6", 10m)];

    private static readonly string[] AcademiesDeLaSession = ["SIEC", "NANCY-METZ", "MARTINIQUE"];

    [Fact]
    public async Task The_deliberation_jury_and_results_pages_pass_axe()
    {
        await using var n = await Navigateur.OuvrirAsync(1280, 900);
        n.Usine.Horloge.SetUtcNow(new DateTimeOffset(2024, 7, 4, 9, 0, 0, TimeSpan.Zero));
        var p = n.Page;
        await ParcoursNavigateur.CreerEtConnecterAsync(n, "bruno@exemple.fr");
        await p.Context.ClearCookiesAsync();

        int session;
        string cle;
        using (var portee = n.Usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var compte = await db.Users.SingleAsync(u => u.Email == "bruno@exemple.fr", TestContext.Current.CancellationToken);
            compte.Nom = "Martin";
            compte.Prenoms = "Bruno";
            var academie = await db.AcademiesSessions.Include(a => a.Session).FirstAsync(a => a.Code == "SIEC" && !a.Session.Demonstration, TestContext.Current.CancellationToken);
            session = academie.SessionId;
            var inscription = new Inscription { Id = Guid.NewGuid(), Numero = "BTS2024-SIEC-AXE", CandidatId = compte.Id, AcademieSessionId = academie.Id };
            inscription.AjouterVersion(new DateTime(2023, 11, 1, 10, 0, 0, DateTimeKind.Utc), "{}", new string('0', 64), "0000-0000-0000",
                new DonneesInscription { Specialite = "MCO", Forme = FormePassage.Globale });
            db.Inscriptions.Add(inscription);
            // Convocations published: grades exist only after them, and the lock needs them (R60).
            (await db.Sessions.SingleAsync(s => s.Id == session, TestContext.Current.CancellationToken)).ConvocationsPubliees = true;
            db.NotesUnites.AddRange(Notes.Select(x => x.Unite == "U3"
                ? new NoteUnite { InscriptionId = inscription.Id, Unite = x.Unite, Nature = NatureResultat.Benefice, Note = x.Note, ObtenueLe = new DateOnly(2021, 7, 2) }
                : new NoteUnite { InscriptionId = inscription.Id, Unite = x.Unite, Nature = NatureResultat.Note, Note = x.Note }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);

            var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
            var agent = new Compte { UserName = "agent@exemple.fr", Email = "agent@exemple.fr", EmailConfirmed = true };
            await comptes.CreateAsync(agent, ParcoursNavigateur.MotDePasse);
            await comptes.AddToRoleAsync(agent, RolesPersonnel.Gestionnaire);
            await comptes.ResetAuthenticatorKeyAsync(agent);
            await comptes.SetTwoFactorEnabledAsync(agent, true);
            cle = (await comptes.GetAuthenticatorKeyAsync(agent))!;
            // Deliberating, locking and publishing decide for every academy of the session: an officer of all of them.
            db.PerimetresGestionnaires.AddRange(AcademiesDeLaSession.Select(c => new PerimetreGestionnaire { CompteId = agent.Id, CodeAcademie = c }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await n.AllerAsync("/gestion/connexion");
        await p.GetByLabel("Adresse électronique").FillAsync("agent@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await p.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(cle));
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await n.AllerAsync("/gestion/sessions");
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "BTS session 2024", Exact = true }).ClickAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Délibération et publication des résultats" }).ClickAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Délibérer toute la session" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Délibération faite pour toute la session")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();

        await p.GetByRole(AriaRole.Link, new() { Name = "BTS2024-SIEC-AXE" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Jury – Bruno Martin" })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("U41 : note à essayer").FillAsync("17");
        await p.GetByRole(AriaRole.Button, new() { Name = "Calculer sans enregistrer" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resultat-essai")).ToContainTextAsync("Admis – moyenne 11,07");
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Points de jury ajoutés au total (0 à 20)").FillAsync("1");
        await p.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision du jury" }).ClickAsync();
        await Assertions.Expect(p.Locator("#resume-erreurs")).ToContainTextAsync("doit être motivée");
        await n.VerifierAccessibiliteAsync();
        await n.AllerAsync($"/gestion/sessions/{session}/deliberation");
        await p.GetByRole(AriaRole.Button, new() { Name = "Verrouiller les résultats (définitif)" }).ClickAsync();
        await Assertions.Expect(p.GetByLabel("Date et heure de publication aux candidats (heure de Paris)")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByLabel("Date et heure de publication aux candidats (heure de Paris)").FillAsync("2024-07-04T10:00");
        await p.GetByRole(AriaRole.Button, new() { Name = "Fixer la publication" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Résultats publiés", new() { Exact = true })).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "BTS2024-SIEC-AXE" }).ClickAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Aperçu de la page du candidat" }).ClickAsync();
        await n.VerifierAccessibiliteAsync();

        await p.Context.ClearCookiesAsync();
        await n.AllerAsync("/compte/connexion");
        await p.GetByLabel("Adresse électronique").FillAsync("bruno@exemple.fr");
        await p.GetByLabel("Mot de passe").FillAsync(ParcoursNavigateur.MotDePasse);
        await p.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Mes résultats et relevés de notes" }).ClickAsync();
        await Assertions.Expect(p.GetByText("Décision : Ajourné")).ToBeVisibleAsync();
        await n.VerifierAccessibiliteAsync();
        await p.GetByRole(AriaRole.Link, new() { Name = "Voir le détail de vos notes" }).ClickAsync();
        await n.VerifierAccessibiliteAsync();
        var telechargement = await p.RunAndWaitForDownloadAsync(() => p.GetByRole(AriaRole.Link, new() { Name = "Télécharger le relevé de notes (PDF)" }).ClickAsync());
        Assert.Equal("releve-de-notes-BTS2024-SIEC-AXE.pdf", telechargement.SuggestedFilename);
    }
}
