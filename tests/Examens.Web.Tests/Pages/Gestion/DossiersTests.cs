using System.Net;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Gestion;

public sealed class DossiersTests
{
    private static async Task<(Guid Id, string Numero)> InscriptionAsync(UsineExamens usine, string courriel, string academie, bool soumettre)
    {
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var chemin = await Parcours.CommencerAsync(usine, client, academie);
        await Parcours.RemplirAsync(client, chemin);
        if (soumettre)
        {
            await client.SoumettreAsync($"{chemin}/recapitulatif", [], "Soumettre");
        }

        var id = Guid.Parse(chemin.Split('/')[^1]);
        using var portee = usine.Services.CreateScope();
        return (id, portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Inscriptions.Single(i => i.Id == id).Numero);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_officer_sees_only_the_files_of_their_academies_and_gets_404_on_another(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var siec = await InscriptionAsync(usine, "a@exemple.fr", "SIEC", soumettre: true);
        var nancy = await InscriptionAsync(usine, "b@exemple.fr", "NANCY-METZ", soumettre: false);

        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent-siec@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await agent.GetAsync("/gestion/dossiers");
        Assert.Contains(siec.Numero, agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain(nancy.Numero, agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Lefèvre-Çağlar", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("soumise", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("incomplet", agent.DernierePage, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/gestion/dossiers/{siec.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/gestion/dossiers/{nancy.Id}")).StatusCode);
        Assert.Contains("Page introuvable", agent.DernierePage, StringComparison.Ordinal);

        var admin = await Parcours.PersonnelConnecteAsync(usine, "admin@exemple.fr", RolesPersonnel.Administrateur);
        await admin.GetAsync("/gestion/dossiers");
        Assert.Contains(siec.Numero, admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains(nancy.Numero, admin.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/gestion/dossiers/{nancy.Id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_search_ignores_accents_and_case_and_the_filters_narrow_the_list(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var soumise = await InscriptionAsync(usine, "a@exemple.fr", "SIEC", soumettre: true);
        var brouillon = await InscriptionAsync(usine, "b@exemple.fr", "SIEC", soumettre: false);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        foreach (var recherche in new[] { "lefevre-caglar", "ELODIE", "élodie lefèvre", soumise.Numero[^5..].ToLowerInvariant() })
        {
            await agent.GetAsync($"/gestion/dossiers?q={Uri.EscapeDataString(recherche)}");
            Assert.Contains(soumise.Numero, agent.DernierePage, StringComparison.Ordinal);
        }

        await agent.GetAsync("/gestion/dossiers?q=dupont");
        Assert.Contains("Aucun dossier ne correspond.", agent.DernierePage, StringComparison.Ordinal);

        await agent.GetAsync("/gestion/dossiers?etat=Brouillon");
        Assert.Contains(brouillon.Numero, agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain(soumise.Numero, agent.DernierePage, StringComparison.Ordinal);

        await agent.GetAsync("/gestion/dossiers?specialite=MS&etat=Soumise");
        Assert.Contains(soumise.Numero, agent.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync("/gestion/dossiers?specialite=AUTRE");
        Assert.Contains("Aucun dossier ne correspond.", agent.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_list_shows_50_files_per_page(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var academie = Parcours.Academie(usine, "SIEC");
            for (var n = 0; n < 51; n++)
            {
                var compte = new Compte { UserName = $"c{n}@exemple.fr", Email = $"c{n}@exemple.fr", Nom = $"Nom{n:00}", Prenoms = "Jean" };
                db.Users.Add(compte);
                db.Inscriptions.Add(new Inscription { Id = Guid.NewGuid(), Numero = $"BTS2024-SIEC-T{n:0000000}", CandidatId = compte.Id, AcademieSessionId = academie });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await agent.GetAsync("/gestion/dossiers");
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Count(agent.DernierePage, "<tr class=\"dossier\">"));
        Assert.Contains("Page 1 sur 2", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("BTS2024-SIEC-T0000050", agent.DernierePage, StringComparison.Ordinal);

        await agent.GetAsync("/gestion/dossiers?p=2");
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(agent.DernierePage, "<tr class=\"dossier\">"));
        Assert.Contains("BTS2024-SIEC-T0000050", agent.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_filters_by_form_status_completeness_and_document_narrow_the_list(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, idA, pieces) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "a@exemple.fr");
        var brouillon = await InscriptionAsync(usine, "b@exemple.fr", "SIEC", soumettre: false);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var premiere = pieces[0];
        await ParcoursDossier.ExaminerAsync(agent, idA, premiere, "Refusee", "Illisible");

        async Task<(bool A, bool B)> ListeAsync(string filtres)
        {
            await agent.GetAsync($"/gestion/dossiers?{filtres}");
            return (agent.DernierePage.Contains(idA.ToString(), StringComparison.Ordinal), agent.DernierePage.Contains(brouillon.Id.ToString(), StringComparison.Ordinal));
        }

        Assert.Equal((true, false), await ListeAsync($"piece={premiere}&probleme=refusee"));
        Assert.Equal((false, true), await ListeAsync($"piece={premiere}&probleme=manquante"));
        Assert.Equal((true, true), await ListeAsync($"piece={premiere}"));
        Assert.Equal((true, true), await ListeAsync("complet=non"));
        Assert.Equal((false, false), await ListeAsync("complet=oui"));
        Assert.Equal((true, false), await ListeAsync("specialite=MS&option=A&forme=Globale&etat=Soumise"));
        Assert.Equal((false, false), await ListeAsync("forme=Progressive"));
        Assert.Contains("<option value=\"Progressive\" selected=\"selected\">progressive</option>", agent.DernierePage, StringComparison.Ordinal);

        foreach (var p in pieces)
        {
            await ParcoursDossier.ExaminerAsync(agent, idA, p, "Acceptee");
        }

        Assert.Equal((true, false), await ListeAsync("complet=oui"));
        Assert.Equal((false, false), await ListeAsync($"piece={premiere}&probleme=refusee"));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_page_size_is_a_setting_and_the_page_links_keep_the_filters(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var academie = Parcours.Academie(usine, "SIEC");
            for (var n = 0; n < 51; n++)
            {
                var compte = new Compte { UserName = $"c{n}@exemple.fr", Email = $"c{n}@exemple.fr", Nom = $"Nom{n:00}", Prenoms = "Jean" };
                db.Users.Add(compte);
                db.Inscriptions.Add(new Inscription { Id = Guid.NewGuid(), Numero = $"BTS2024-SIEC-T{n:0000000}", CandidatId = compte.Id, AcademieSessionId = academie });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await agent.GetAsync("/gestion/dossiers?etat=Brouillon&complet=non&taille=20");
        Assert.Contains("<strong id=\"total\">51 dossier(s)</strong>", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 3", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Count(agent.DernierePage, "<tr class=\"dossier\">"));
        Assert.Contains("href=\"/gestion/dossiers?etat=Brouillon&complet=non&taille=20&p=3\"", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("href=\"/gestion/dossiers?etat=Brouillon&complet=non&taille=20&p=1\" aria-current=\"page\"", agent.DernierePage, StringComparison.Ordinal);

        await agent.GetAsync("/gestion/dossiers?etat=Brouillon&complet=non&taille=20&p=3");
        Assert.Equal(11, System.Text.RegularExpressions.Regex.Count(agent.DernierePage, "<tr class=\"dossier\">"));
        Assert.Contains("BTS2024-SIEC-T0000050", agent.DernierePage, StringComparison.Ordinal);

        // A page size outside the list falls back to 50; a page past the end shows the last one.
        await agent.GetAsync("/gestion/dossiers?taille=100000&p=99");
        Assert.Contains("Page 2 sur 2", agent.DernierePage, StringComparison.Ordinal);
    }
}
