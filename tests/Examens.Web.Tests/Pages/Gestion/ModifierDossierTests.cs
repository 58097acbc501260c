using System.Net;
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
}
