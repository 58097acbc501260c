using System.Net;
using Examens.Core.Comptes;
using Examens.Web.Pages.Acces;
using Examens.Web.Tests.Outils;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Gestion.Personnel;

public sealed class MembreTests
{
    private static Task<HttpResponseMessage> ActionAsync(ClientPortail admin, string id, string handler, params KeyValuePair<string, string>[] champs) =>
        admin.SoumettreAsync($"/gestion/personnel/{id}?handler={handler}", champs, depuis: $"/gestion/personnel/{id}");

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_disabled_officer_loses_the_open_session_and_cannot_sign_in_until_re_enabled(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var id = Parcours.IdCompte(usine, "agent@exemple.fr");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/gestion/dossiers")).StatusCode);

        await ActionAsync(admin, id, "Activation", KeyValuePair.Create("activer", "false"));
        Assert.Contains("Compte désactivé", admin.DernierePage, StringComparison.Ordinal);
        await admin.GetAsync("/gestion/personnel");
        Assert.Contains("désactivé", admin.DernierePage, StringComparison.Ordinal);

        // The sessions are checked again every minute: the disabled one ends, the administrator's goes on (amr kept).
        usine.Horloge.Advance(TimeSpan.FromMinutes(2));
        await agent.GetAsync("/gestion/dossiers");
        Assert.Contains("Connexion à la gestion", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/gestion/personnel")).StatusCode);
        Assert.Contains("Personnel du service des examens", admin.DernierePage, StringComparison.Ordinal);

        var retour = Parcours.Navigateur(usine);
        await retour.SoumettreAsync("/gestion/connexion", [new("Courriel", "agent@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        Assert.Contains(ConnexionGestionModel.Refus, retour.DernierePage, StringComparison.Ordinal);

        await ActionAsync(admin, id, "Activation", KeyValuePair.Create("activer", "true"));
        Assert.Contains("Compte réactivé", admin.DernierePage, StringComparison.Ordinal);
        await retour.SoumettreAsync("/gestion/connexion", [new("Courriel", "agent@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        Assert.Contains("Code de votre application d'authentification", retour.DernierePage, StringComparison.Ordinal);

        var journal = Parcours.Journal(usine, $"compte:{id}");
        Assert.Equal(["compte.desactive", "compte.reactive"], journal.Select(e => e.Action));
        Assert.StartsWith("actif", journal[0].Avant, StringComparison.Ordinal);
        Assert.StartsWith("désactivé", journal[0].Apres, StringComparison.Ordinal);
        Assert.Equal(Parcours.IdCompte(usine, "chef@exemple.fr"), journal[0].Acteur);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_administrator_cannot_disable_their_own_account(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var id = Parcours.IdCompte(usine, "chef@exemple.fr");

        await ActionAsync(admin, id, "Activation", KeyValuePair.Create("activer", "false"));

        Assert.Contains("Vous ne pouvez pas désactiver votre propre compte.", admin.DernierePage, StringComparison.Ordinal);
        Assert.False(Parcours.Lire(usine, db => db.Users.Single(u => u.Id == id).Desactive));
        Assert.Empty(Parcours.Journal(usine, $"compte:{id}"));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_missing_or_unreadable_activation_choice_changes_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        await Parcours.CreerPersonnelAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var id = Parcours.IdCompte(usine, "agent@exemple.fr");

        // Before: "abc" was read as false and the officer's account was disabled.
        await ActionAsync(admin, id, "Activation", KeyValuePair.Create("activer", "abc"));
        Assert.Contains("Choisissez de désactiver ou de réactiver le compte : rien n'a été modifié.", admin.DernierePage, StringComparison.Ordinal);
        await ActionAsync(admin, id, "Activation", KeyValuePair.Create("activer", ""));
        Assert.Contains("Choisissez de désactiver ou de réactiver le compte", admin.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("n'est pas valide", admin.DernierePage, StringComparison.Ordinal);

        Assert.False(Parcours.Lire(usine, db => db.Users.Single(u => u.Id == id).Desactive));
        Assert.Empty(Parcours.Journal(usine, $"compte:{id}"));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_reset_second_factor_ends_the_session_and_forces_a_new_enrolment(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var ancienneCle = await Parcours.CreerPersonnelAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var agent = Parcours.Navigateur(usine);
        await agent.SoumettreAsync("/gestion/connexion", [new("Courriel", "agent@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        await agent.SoumettreAsync("/gestion/connexion/code", [new("Code", Totp.Code(ancienneCle))]);
        var id = Parcours.IdCompte(usine, "agent@exemple.fr");

        await ActionAsync(admin, id, "SecondFacteur");
        Assert.Contains("Second facteur réinitialisé", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("à enrôler à la prochaine connexion", admin.DernierePage, StringComparison.Ordinal);

        usine.Horloge.Advance(TimeSpan.FromMinutes(2));
        await agent.GetAsync("/gestion/dossiers");
        Assert.Contains("Connexion à la gestion", agent.DernierePage, StringComparison.Ordinal);

        await agent.SoumettreAsync("/gestion/connexion", [new("Courriel", "agent@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        Assert.Contains("Associer une application d'authentification", agent.DernierePage, StringComparison.Ordinal);
        var nouvelleCle = Parcours.CleAffichee(agent.DernierePage);
        Assert.NotEqual(ancienneCle, nouvelleCle);
        await agent.SoumettreAsync("/gestion/connexion/authentificateur", [new("Code", Totp.Code(nouvelleCle))]);
        Assert.Equal(10, Parcours.CodesSecoursAffiches(agent.DernierePage).Count);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/gestion/dossiers")).StatusCode);

        var journal = Parcours.Journal(usine, $"compte:{id}");
        Assert.Equal(["compte.second-facteur.reinitialise", "compte.authentificateur.enrole"], journal.Select(e => e.Action));
        Assert.DoesNotContain(nouvelleCle, string.Join(' ', journal.Select(e => e.Apres)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_officers_academies_change_with_at_least_one_known_academy_and_the_trail_says_before_and_after(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        await Parcours.CreerPersonnelAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var id = Parcours.IdCompte(usine, "agent@exemple.fr");
        string[] Perimetre() => Parcours.Lire(usine, db => db.PerimetresGestionnaires.Where(p => p.CompteId == id).Select(p => p.CodeAcademie).OrderBy(c => c).ToArray());

        await ActionAsync(admin, id, "Academies");
        Assert.Contains("Un gestionnaire garde au moins une académie", admin.DernierePage, StringComparison.Ordinal);
        await ActionAsync(admin, id, "Academies", KeyValuePair.Create("academies", "ATLANTIDE"));
        Assert.Contains("L'académie « ATLANTIDE » n'existe dans aucune session.", admin.DernierePage, StringComparison.Ordinal);
        Assert.Equal(["SIEC"], Perimetre());

        await ActionAsync(admin, id, "Academies", KeyValuePair.Create("academies", "MARTINIQUE"), KeyValuePair.Create("academies", "NANCY-METZ"));
        Assert.Contains("Académies enregistrées.", admin.DernierePage, StringComparison.Ordinal);
        Assert.Equal(["MARTINIQUE", "NANCY-METZ"], Perimetre());
        var entree = Assert.Single(Parcours.Journal(usine, $"compte:{id}"));
        Assert.Equal("compte.perimetre.modifie", entree.Action);
        Assert.Equal("SIEC", entree.Avant);
        Assert.Equal("MARTINIQUE, NANCY-METZ", entree.Apres);
        Assert.Contains("compte.perimetre.modifie", admin.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_last_active_administrator_cannot_be_disabled(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        await Parcours.CreerPersonnelAsync(usine, "seul@exemple.fr", RolesPersonnel.Administrateur);
        var id = Parcours.IdCompte(usine, "seul@exemple.fr");

        using var portee = usine.Services.CreateScope();
        var resultat = await portee.ServiceProvider.GetRequiredService<ChangerActivationCompte>()
            .ExecuterAsync(id, activer: false, "operateur", null, TestContext.Current.CancellationToken);

        var erreur = Assert.Single(resultat.Erreurs);
        Assert.Equal("LAST_ADMINISTRATOR", erreur.Code);
        Assert.StartsWith("C'est le dernier administrateur actif", erreur.Message, StringComparison.Ordinal);
        Assert.False(Parcours.Lire(usine, db => db.Users.Single(u => u.Id == id).Desactive));
    }
}
