using System.Net;
using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Gestion.Sessions;

public sealed class IndexTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_administrator_creates_a_session_written_in_the_trail(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);

        await admin.SoumettreAsync("/gestion/sessions", [new("Annee", "2026"), new("Libelle", "BTS session 2026"), new("DateDeliberation", "2026-07-03")]);

        Assert.Contains("Session créée", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("<h1>BTS session 2026</h1>", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("3 juillet 2026", admin.DernierePage, StringComparison.Ordinal);
        var id = Parcours.Session(usine, "BTS session 2026");
        var entree = Assert.Single(Parcours.Journal(usine, $"session:{id}"));
        Assert.Equal("session.creee", entree.Action);
        Assert.Equal("2026 ; BTS session 2026 ; délibération le 2026-07-03", entree.Apres);
        await admin.GetAsync("/gestion/sessions");
        Assert.Contains("BTS session 2026", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("BTS session 2024", admin.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_bad_session_is_refused_field_by_field_in_French_and_nothing_is_stored(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var avant = Parcours.Lire(usine, db => db.Sessions.Count());

        await admin.SoumettreAsync("/gestion/sessions", [new("Annee", "vingt"), new("Libelle", ""), new("DateDeliberation", "31/02/2026")]);

        Assert.Contains("Indiquez l'année de la session", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Indiquez le libellé de la session", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Indiquez la date prévue de délibération", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("href=\"#Annee\"", admin.DernierePage, StringComparison.Ordinal);
        Assert.Equal(avant, Parcours.Lire(usine, db => db.Sessions.Count()));

        // Empty fields: only the French messages, never the framework's implicit "The Libelle field is required.".
        await admin.SoumettreAsync("/gestion/sessions", [new("Annee", ""), new("Libelle", ""), new("DateDeliberation", "")]);
        Assert.Contains("3 erreurs empêchent d'enregistrer", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Indiquez le libellé de la session", admin.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", admin.DernierePage, StringComparison.Ordinal);
        Assert.Equal(avant, Parcours.Lire(usine, db => db.Sessions.Count()));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_officer_sees_only_the_sessions_of_their_academies_and_cannot_create_one(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/gestion/sessions")).StatusCode);
        Assert.Contains("BTS session 2024", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("démonstration", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Créer une session", agent.DernierePage, StringComparison.Ordinal);

        var session = Parcours.Session(usine, "BTS session 2024");
        await agent.GetAsync($"/gestion/sessions/{session}");
        Assert.Contains("SIEC", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("MARTINIQUE", agent.DernierePage, StringComparison.Ordinal);
        var demo = Parcours.Session(usine, Core.Sessions.DonneesDemonstration.LibelleDemonstration);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/gestion/sessions/{demo}")).StatusCode);

        var avant = Parcours.Lire(usine, db => db.Sessions.Count());
        var reponse = await Parcours.PosterAsync(agent, "/gestion/sessions", "/gestion/sessions",
            [new("Annee", "2026"), new("Libelle", "BTS session 2026"), new("DateDeliberation", "2026-07-03")]);
        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
        Assert.Equal(avant, Parcours.Lire(usine, db => db.Sessions.Count()));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_label_longer_than_its_column_or_already_used_is_refused_in_French_and_nothing_is_stored(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var avant = Parcours.Lire(usine, db => db.Sessions.Count());

        // Before: 121 to 200 characters passed the check and PostgreSQL refused the save (HTTP 500).
        var reponse = await admin.SoumettreAsync("/gestion/sessions", [new("Annee", "2026"), new("Libelle", new string('L', 150)), new("DateDeliberation", "2026-07-03")]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Indiquez le libellé de la session (120 caractères au plus)", admin.DernierePage, StringComparison.Ordinal);

        // Two sessions with one label could not be told apart in any list.
        await admin.SoumettreAsync("/gestion/sessions", [new("Annee", "2024"), new("Libelle", " bts SESSION 2024 "), new("DateDeliberation", "2024-07-05")]);
        Assert.Contains("Une session « BTS session 2024 » existe déjà : choisissez un autre libellé.", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("href=\"#Libelle\"", admin.DernierePage, StringComparison.Ordinal);

        Assert.Equal(avant, Parcours.Lire(usine, db => db.Sessions.Count()));
        Assert.Equal(0, Parcours.Lire(usine, db => db.Journal.Count(e => e.Action == "session.creee")));
    }
}
