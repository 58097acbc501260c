using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Gestion;

public sealed class ModifierDossierTests
{
    private static KeyValuePair<string, string>[] Saisie(string motif, string forme = "Globale", string langueFacultative = "") =>
    [
        new("Saisie.SpecialiteOption", "MS|A"), new("Saisie.Forme", forme), new("Saisie.LangueObligatoire", "anglais"),
        new("Saisie.LangueFacultative", langueFacultative), new("Motif", motif),
    ];

    private static async Task<int> VersionsAsync(UsineExamens usine, Guid id)
    {
        using var portee = usine.Services.CreateScope();
        return await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().VersionsInscription.CountAsync(v => v.InscriptionId == id, TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task After_the_close_only_an_officer_changes_a_registration_with_a_reason_making_a_new_version(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, chemin, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        // P22: while the window is open the candidate edits; the officer's page says so and offers no form.
        await agent.GetAsync($"/gestion/dossiers/{id}/modifier");
        Assert.Contains("c'est le candidat qui modifie son inscription", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Motif\"", agent.DernierePage, StringComparison.Ordinal);

        usine.Horloge.Advance(TimeSpan.FromMinutes(65));
        await candidat.SoumettreAsync($"{chemin}/identite", [new("Saisie.Adresse", "1 rue Neuve"), new("Saisie.CodePostal", "75001"), new("Saisie.Ville", "Paris"), new("Saisie.Pays", "France")]);
        Assert.Contains("seul le service des examens peut encore modifier l'inscription", candidat.DernierePage, StringComparison.Ordinal);

        await agent.SoumettreAsync($"/gestion/dossiers/{id}/modifier", Saisie(motif: ""));
        Assert.Contains("Indiquez le motif de la modification", agent.DernierePage, StringComparison.Ordinal);
        // The rules engine is the candidate's: the progressive form with no unit to take is refused.
        await agent.SoumettreAsync($"/gestion/dossiers/{id}/modifier", Saisie("Demande du candidat", forme: "Progressive"));
        Assert.Contains("id=\"resume-erreurs\"", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(1, await VersionsAsync(usine, id));

        await agent.SoumettreAsync($"/gestion/dossiers/{id}/modifier", Saisie("Demande écrite du candidat du 20 novembre"));
        Assert.Contains("Inscription modifiée : version 2. Le candidat est prévenu par courriel.", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("le service des examens (agent@exemple.fr)", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Demande écrite du candidat du 20 novembre", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(2, await VersionsAsync(usine, id));

        var courriel = usine.DernierCourrielPour("elodie@exemple.fr");
        Assert.Contains("par le service des examens – version 2", courriel.Subject, StringComparison.Ordinal);
        Assert.Contains("Motif : Demande écrite du candidat du 20 novembre", courriel.TextBody, StringComparison.Ordinal);
        Assert.Contains("Langues facultatives : ", courriel.TextBody, StringComparison.Ordinal);

        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var entree = await db.Journal.SingleAsync(e => e.Action == "inscription.modifiee", TestContext.Current.CancellationToken);
            Assert.StartsWith("version 1\nLangues facultatives : arabe", entree.Avant, StringComparison.Ordinal);
            Assert.StartsWith("version 2\nLangues facultatives : \n", entree.Apres, StringComparison.Ordinal);
            Assert.Equal("Demande écrite du candidat du 20 novembre", entree.Motif);
            Assert.Equal(AdresseDistante.Adresse.ToString(), entree.Adresse);
            var version = await db.VersionsInscription.SingleAsync(v => v.InscriptionId == id && v.Numero == 2, TestContext.Current.CancellationToken);
            Assert.Equal(entree.Acteur, version.AuteurGestionnaire);
        }

        await candidat.GetAsync($"{chemin}/journal");
        Assert.Contains("Inscription modifiée par le service des examens", candidat.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("agent@exemple.fr", candidat.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Once_convocations_are_published_nobody_changes_the_registration(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        usine.Horloge.Advance(TimeSpan.FromMinutes(65));
        await agent.GetAsync($"/gestion/dossiers/{id}/modifier");
        var formulaire = agent.DernierePage;
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            foreach (var session in await db.Sessions.ToListAsync(TestContext.Current.CancellationToken))
            {
                session.ConvocationsPubliees = true;
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // A form opened before the publication and posted after is refused too.
        var reponse = await agent.PosterDepuisAsync(formulaire, $"/gestion/dossiers/{id}/modifier", $"/gestion/dossiers/{id}/modifier", Saisie("Demande du candidat"));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Les convocations sont publiées : plus personne ne peut modifier cette inscription", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(1, await VersionsAsync(usine, id));

        await agent.GetAsync($"/gestion/dossiers/{id}");
        Assert.Contains("plus personne ne peut modifier cette inscription (R60)", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Écarter l'inscription", agent.DernierePage, StringComparison.Ordinal);
        await ParcoursDossier.PosterSansFormulaireAsync(agent, $"/gestion/dossiers/{id}?handler=Ecarter", [new("motif", "essai")]);
        Assert.Contains("Les convocations sont publiées : l'inscription ne peut plus être modifiée (R60).", agent.DernierePage, StringComparison.Ordinal);
        using var verification = usine.Services.CreateScope();
        var inscription = await verification.ServiceProvider.GetRequiredService<ExamensDbContext>().Inscriptions.SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(Examens.Core.Inscriptions.EtatInscription.Soumise, inscription.Etat);
    }

    private static KeyValuePair<string, string>[] Note(string unite, string note, string motif) =>
    [
        new("Lignes[0].Unite", unite), new("Lignes[0].Note", note), new("Lignes[0].Obtention", "01/07/2022"), new("Lignes[0].Choix", "Benefice"),
        new("Motif", motif),
    ];

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task After_the_close_an_officer_changes_an_earlier_grade_with_a_reason_making_a_new_version(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, chemin, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        // P22: while the window is open the candidate edits; the page says so and offers no form.
        await agent.GetAsync($"/gestion/dossiers/{id}/modifier/notes");
        Assert.Contains("c'est le candidat qui modifie son inscription", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Motif\"", agent.DernierePage, StringComparison.Ordinal);

        usine.Horloge.Advance(TimeSpan.FromMinutes(65));
        await agent.GetAsync($"/gestion/dossiers/{id}");
        Assert.Contains($"href=\"/gestion/dossiers/{id}/modifier/notes\"", agent.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync($"/gestion/dossiers/{id}/modifier/notes");
        var unite = Regex.Match(agent.DernierePage, "<option value=\"(U[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(unite);

        // P7: a grade is 0 to 20; the error names the line and the field, nothing is stored.
        await agent.SoumettreAsync($"/gestion/dossiers/{id}/modifier/notes", Note(unite, "21", "Demande écrite du candidat"));
        Assert.Contains("Note 1 : la note est un nombre entre 0 et 20", agent.DernierePage, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Lignes\\[0\\]\\.Note\"[^>]*>Note 1 : la note", agent.DernierePage);
        await agent.SoumettreAsync($"/gestion/dossiers/{id}/modifier/notes", Note(unite, "12,5", ""));
        Assert.Contains("Indiquez le motif de la modification", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(1, await VersionsAsync(usine, id));
        Assert.DoesNotContain(usine.Courriels(), c => (c.Subject ?? "").Contains("par le service des examens", StringComparison.Ordinal));

        await agent.SoumettreAsync($"/gestion/dossiers/{id}/modifier/notes", Note(unite, "12,5", "Relevé de notes 2022 reçu par courrier"));
        Assert.Contains("Inscription modifiée : version 2. Le candidat est prévenu par courriel.", agent.DernierePage, StringComparison.Ordinal);
        await agent.SoumettreAsync($"/gestion/dossiers/{id}/modifier/notes", Note(unite, "14", "Note corrigée d'après le relevé"));
        Assert.Contains("Inscription modifiée : version 3.", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(3, await VersionsAsync(usine, id));

        var courriel = usine.DernierCourrielPour("elodie@exemple.fr");
        Assert.Contains("par le service des examens – version 3", courriel.Subject, StringComparison.Ordinal);
        Assert.Contains("Motif : Note corrigée d'après le relevé", courriel.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Notes antérieures : {unite} 14/20 du 1 juillet 2022 (Benefice)", courriel.TextBody, StringComparison.Ordinal);

        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var entree = await db.Journal.Where(e => e.Action == "inscription.modifiee").OrderByDescending(e => e.Id).FirstAsync(TestContext.Current.CancellationToken);
            Assert.Equal($"version 2\nNotes antérieures : {unite} 12.5/20 du 1 juillet 2022 (Benefice)", entree.Avant);
            Assert.Equal($"version 3\nNotes antérieures : {unite} 14/20 du 1 juillet 2022 (Benefice)", entree.Apres);
            Assert.Equal("Note corrigée d'après le relevé", entree.Motif);
            var version = await db.VersionsInscription.SingleAsync(v => v.InscriptionId == id && v.Numero == 3, TestContext.Current.CancellationToken);
            Assert.Equal(entree.Acteur, version.AuteurGestionnaire);
            Assert.Equal("Note corrigée d'après le relevé", version.Motif);
        }

        await candidat.GetAsync($"{chemin}/notes");
        Assert.Contains("value=\"14\"", candidat.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task After_the_close_an_officer_changes_the_exemptions_with_a_reason(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        usine.Horloge.Advance(TimeSpan.FromMinutes(65));
        await agent.GetAsync($"/gestion/dossiers/{id}/modifier/dispenses");
        var unite = Regex.Match(agent.DernierePage, "<option value=\"(U[^\"]+)\">[^<(]*</option>").Groups[1].Value;
        Assert.NotEmpty(unite);

        KeyValuePair<string, string>[] Dispense(string diplome) =>
            [new("Lignes[0].Unite", unite), new("Lignes[0].Niveau", "6"), new("Lignes[0].Diplome", diplome), new("Motif", "Licence obtenue, demande du candidat")];
        await agent.SoumettreAsync($"/gestion/dossiers/{id}/modifier/dispenses", Dispense(""));
        Assert.Contains("Dispense 1 : indiquez l'intitulé du diplôme", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(1, await VersionsAsync(usine, id));

        await agent.SoumettreAsync($"/gestion/dossiers/{id}/modifier/dispenses", Dispense("Licence de gestion"));
        Assert.Contains("Inscription modifiée : version 2. Le candidat est prévenu par courriel.", agent.DernierePage, StringComparison.Ordinal);
        using var portee = usine.Services.CreateScope();
        var entree = await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Journal.SingleAsync(e => e.Action == "inscription.modifiee", TestContext.Current.CancellationToken);
        Assert.Equal($"version 2\nDispenses : {unite} (niveau 6, Licence de gestion)", entree.Apres);
        Assert.Equal("Licence obtenue, demande du candidat", entree.Motif);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_officer_of_another_academy_cannot_reach_the_grades_and_exemptions_edit(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        var autre = await Parcours.PersonnelConnecteAsync(usine, "autre@exemple.fr", RolesPersonnel.Gestionnaire, "NANCY-METZ");
        usine.Horloge.Advance(TimeSpan.FromMinutes(65));
        foreach (var page in new[] { "notes", "dispenses" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync($"/gestion/dossiers/{id}/modifier/{page}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ParcoursDossier.PosterSansFormulaireAsync(autre, $"/gestion/dossiers/{id}/modifier/notes", Note("U1", "12", "essai"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ParcoursDossier.PosterSansFormulaireAsync(autre, $"/gestion/dossiers/{id}/modifier/dispenses",
            [new("Lignes[0].Unite", "U1"), new("Lignes[0].Niveau", "6"), new("Lignes[0].Diplome", "Licence"), new("Motif", "essai")])).StatusCode);
        Assert.Equal(1, await VersionsAsync(usine, id));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_form_opened_before_a_colleagues_version_does_not_undo_it(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, chemin) = await ParcoursConvocations.CandidatSoumisAsync(usine, "elodie@exemple.fr");
        var id = Guid.Parse(chemin.Split('/')[^1]);
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 20, 10, 0, 0, TimeSpan.Zero)); // after the close (P22)
        var agentA = await Parcours.PersonnelConnecteAsync(usine, "a@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var agentB = await Parcours.PersonnelConnecteAsync(usine, "b@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var page = $"/gestion/dossiers/{id}/modifier";

        // A opens the form (optional Arabic still chosen); B removes the optional language (version 2).
        await agentA.GetAsync(page);
        var pageDeA = agentA.DernierePage;
        await agentB.SoumettreAsync(page, Saisie("Le candidat renonce à l'épreuve facultative"));
        Assert.Contains("Inscription modifiée : version 2.", agentB.DernierePage, StringComparison.Ordinal);

        // Before: A's form, still showing Arabic, made a version 3 putting it back.
        await agentA.PosterDepuisAsync(pageDeA, page, page, Saisie("Changement de forme demandé", forme: "Globale", langueFacultative: "arabe"));
        Assert.Contains("L'inscription a changé depuis l'ouverture de ce formulaire (version 1 alors, version 2 maintenant)", agentA.DernierePage, StringComparison.Ordinal);
        Assert.Equal(2, await VersionsAsync(usine, id));
    }
}
