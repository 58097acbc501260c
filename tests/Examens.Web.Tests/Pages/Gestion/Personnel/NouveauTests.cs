using System.Net;
using Examens.Core.Comptes;
using Examens.Web.Pages.Acces;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Gestion.Personnel;

public sealed class NouveauTests
{
    private static KeyValuePair<string, string>[] Officier(string courriel, params string[] academies) =>
        [new("Courriel", courriel), new("Nom", "Durand"), new("Prenoms", "Anaïs"), new("Role", RolesPersonnel.Gestionnaire),
         .. academies.Select(a => new KeyValuePair<string, string>("Academies", a))];

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_invited_officer_chooses_a_password_enrols_an_authenticator_and_signs_in_later_with_a_recovery_code(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);

        await admin.SoumettreAsync("/gestion/personnel/nouveau", Officier("anais.durand@exemple.fr", "SIEC", "NANCY-METZ"));
        Assert.Contains("l'invitation à choisir un mot de passe lui a été envoyée", admin.DernierePage, StringComparison.Ordinal);
        var id = Parcours.IdCompte(usine, "anais.durand@exemple.fr");
        await admin.GetAsync("/gestion/personnel");
        Assert.Contains("Anaïs Durand", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("NANCY-METZ, SIEC", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("invitation en attente", admin.DernierePage, StringComparison.Ordinal);

        // The mail: a single-use link; the password is chosen by the member, 12 characters and not a common one.
        var lien = Parcours.LienInvitation(usine, "anais.durand@exemple.fr");
        var agent = Parcours.Navigateur(usine);
        await agent.SoumettreAsync(lien, [new("MotDePasse", "court"), new("Confirmation", "court")]);
        Assert.Contains("Le mot de passe doit compter au moins 12 caractères.", agent.DernierePage, StringComparison.Ordinal);
        await agent.SoumettreAsync(lien, [new("MotDePasse", "1qaz2wsx3edc"), new("Confirmation", "1qaz2wsx3edc")]);
        Assert.Contains("trop courant", agent.DernierePage, StringComparison.Ordinal);
        await agent.SoumettreAsync(lien, [new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)]);
        Assert.Contains("Votre mot de passe est enregistré.", agent.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync(lien);
        Assert.Contains(InvitationModel.LienPerime, agent.DernierePage, StringComparison.Ordinal);
        await agent.PosterDepuisAsync(agent.DernierePage, lien, lien, [new("MotDePasse", "un autre mot de passe"), new("Confirmation", "un autre mot de passe")]);
        Assert.Contains(InvitationModel.LienPerime, agent.DernierePage, StringComparison.Ordinal);

        // First sign-in: the password leads to the enrolment of an authenticator, not into the back-office.
        await agent.SoumettreAsync("/gestion/connexion", [new("Courriel", "anais.durand@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        Assert.Contains("Associer une application d'authentification", agent.DernierePage, StringComparison.Ordinal);
        var cle = Parcours.CleAffichee(agent.DernierePage);
        Assert.Matches("^[A-Z2-7]{16,}$", cle);
        Assert.Contains($"otpauth://totp/Examens:anais.durand%40exemple.fr?secret={cle}&issuer=Examens", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/gestion/dossiers")).StatusCode);
        Assert.Contains("Associer une application d'authentification", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Dossiers d'inscription", agent.DernierePage, StringComparison.Ordinal);

        await agent.SoumettreAsync("/gestion/connexion/authentificateur", [new("Code", "000000")]);
        Assert.Contains("Code incorrect ou expiré", agent.DernierePage, StringComparison.Ordinal);
        await agent.SoumettreAsync("/gestion/connexion/authentificateur", [new("Code", Totp.Code(cle))]);
        var codes = Parcours.CodesSecoursAffiches(agent.DernierePage);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("Ils ne seront plus jamais affichés", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/gestion/dossiers")).StatusCode);
        Assert.Contains("Dossiers d'inscription", agent.DernierePage, StringComparison.Ordinal);
        // The enrolment page does not show a key again once enrolled.
        await agent.GetAsync("/gestion/connexion/authentificateur");
        Assert.DoesNotContain(cle, agent.DernierePage, StringComparison.Ordinal);

        // Later, without the phone: a recovery code instead of the 6 digits, once.
        var sansTelephone = Parcours.Navigateur(usine);
        await sansTelephone.SoumettreAsync("/gestion/connexion", [new("Courriel", "anais.durand@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        await sansTelephone.SoumettreAsync("/gestion/connexion/code", [new("Code", codes[3].ToLowerInvariant())]);
        Assert.Contains("Dossiers d'inscription", sansTelephone.DernierePage, StringComparison.Ordinal);
        Assert.Contains("il vous en reste 9", sansTelephone.DernierePage, StringComparison.Ordinal);
        var encore = Parcours.Navigateur(usine);
        await encore.SoumettreAsync("/gestion/connexion", [new("Courriel", "anais.durand@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        await encore.SoumettreAsync("/gestion/connexion/code", [new("Code", codes[3])]);
        Assert.Contains("Code de secours incorrect ou déjà utilisé", encore.DernierePage, StringComparison.Ordinal);

        var journal = Parcours.Journal(usine, $"compte:{id}");
        Assert.Equal(["compte.personnel.cree", "compte.invitation.acceptee", "compte.authentificateur.enrole", "compte.code-secours.utilise"],
            journal.Select(e => e.Action));
        Assert.Equal(Parcours.IdCompte(usine, "chef@exemple.fr"), journal[0].Acteur);
        Assert.Contains("Gestionnaire", journal[0].Apres, StringComparison.Ordinal);
        Assert.All(journal, e => Assert.NotNull(e.Adresse));
        var texte = string.Join('\n', journal.Select(e => $"{e.Avant} {e.Apres} {e.Motif}"));
        Assert.DoesNotContain(Parcours.MotDePasse, texte, StringComparison.Ordinal);
        Assert.DoesNotContain(cle, texte, StringComparison.Ordinal);
        Assert.All(codes, c => Assert.DoesNotContain(c, texte, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_bad_creation_says_what_is_wrong_in_French_and_stores_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var comptes = Parcours.Lire(usine, db => db.Users.Count());

        await admin.SoumettreAsync("/gestion/personnel/nouveau", [new("Courriel", "pas-une-adresse"), new("Nom", ""), new("Prenoms", ""), new("Role", RolesPersonnel.Gestionnaire)]);
        Assert.Contains("Indiquez une adresse électronique valide", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Indiquez le nom", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Un gestionnaire a au moins une académie", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("4 erreurs empêchent d'enregistrer", admin.DernierePage, StringComparison.Ordinal);

        // Every field empty: the French messages only, never the framework's implicit "The Nom field is required.".
        await admin.SoumettreAsync("/gestion/personnel/nouveau", [new("Courriel", ""), new("Nom", ""), new("Prenoms", ""), new("Role", "")]);
        Assert.Contains("Indiquez une adresse électronique valide", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Choisissez le rôle : gestionnaire ou administrateur.", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("4 erreurs empêchent d'enregistrer", admin.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", admin.DernierePage, StringComparison.Ordinal);

        await admin.SoumettreAsync("/gestion/personnel/nouveau", Officier("agent@exemple.fr", "ATLANTIDE"));
        Assert.Contains("L'académie « ATLANTIDE » n'existe dans aucune session.", admin.DernierePage, StringComparison.Ordinal);

        await admin.SoumettreAsync("/gestion/personnel/nouveau", Officier("chef@exemple.fr", "SIEC"));
        Assert.Contains("Un compte existe déjà avec l'adresse chef@exemple.fr", admin.DernierePage, StringComparison.Ordinal);

        Assert.Equal(comptes, Parcours.Lire(usine, db => db.Users.Count()));
        Assert.DoesNotContain(usine.Courriels(), m => (m.Subject ?? "").Contains("gestion", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_invited_administrator_has_no_scope_and_sees_the_staff_pages(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        await admin.SoumettreAsync("/gestion/personnel/nouveau",
            [new("Courriel", "adjoint@exemple.fr"), new("Nom", "Martin"), new("Prenoms", "Paul"), new("Role", RolesPersonnel.Administrateur), new("Academies", "SIEC")]);

        var id = Parcours.IdCompte(usine, "adjoint@exemple.fr");
        Assert.Empty(Parcours.Lire(usine, db => db.PerimetresGestionnaires.Where(p => p.CompteId == id).ToList()));
        var agent = Parcours.Navigateur(usine);
        await agent.SoumettreAsync(Parcours.LienInvitation(usine, "adjoint@exemple.fr"), [new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)]);
        await agent.SoumettreAsync("/gestion/connexion", [new("Courriel", "adjoint@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        await agent.SoumettreAsync("/gestion/connexion/authentificateur", [new("Code", Totp.Code(Parcours.CleAffichee(agent.DernierePage)))]);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/gestion/personnel")).StatusCode);
        Assert.Contains("adjoint@exemple.fr", agent.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_officer_gets_403_on_every_staff_page_and_action(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        await Parcours.CreerPersonnelAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var idChef = Parcours.IdCompte(usine, "chef@exemple.fr");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/gestion/personnel")).StatusCode);
        Assert.Contains("Accès refusé", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/gestion/personnel/nouveau")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/gestion/personnel/{idChef}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Parcours.PosterAsync(agent, "/gestion/dossiers", "/gestion/personnel/nouveau", Officier("x@exemple.fr", "SIEC"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Parcours.PosterAsync(agent, "/gestion/dossiers", $"/gestion/personnel/{idChef}?handler=Activation", [new("activer", "false")])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Parcours.PosterAsync(agent, "/gestion/dossiers", $"/gestion/personnel/{idChef}?handler=SecondFacteur", [])).StatusCode);
        Assert.False(Parcours.Lire(usine, db => db.Users.Single(u => u.Id == idChef).Desactive));
        Assert.Null(Parcours.Lire(usine, db => db.Users.SingleOrDefault(u => u.Email == "x@exemple.fr")));
        // The navigation offers the staff link to administrators only.
        await agent.GetAsync("/gestion/dossiers");
        Assert.DoesNotContain("href=\"/gestion/personnel\"", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("href=\"/gestion/sessions\"", agent.DernierePage, StringComparison.Ordinal);
    }
}
