using System.Net;
using Examens.Core.Comptes;
using Examens.Domain.Regles;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Gestion.Sessions;

public sealed class AcademieTests
{
    private static KeyValuePair<string, string>[] Lille(string ouverture = "2025-10-07T14:00", string fermeture = "2025-11-18T17:00", string fuseau = "Europe/Paris") =>
    [
        new("Saisie.Code", "lille"), new("Saisie.Nom", "Académie de Lille"), new("Saisie.Fuseau", fuseau),
        new("Saisie.Ouverture", ouverture), new("Saisie.Fermeture", fermeture), new("Saisie.DateLimitePieces", ""),
        new("Saisie.ModeConfirmation", "Papier"), new("Saisie.MaxUnitesFacultatives", "1"),
    ];

    /// <summary>The same fields with some replaced (a form posts each field once).</summary>
    private static KeyValuePair<string, string>[] Avec(KeyValuePair<string, string>[] champs, params (string Cle, string Valeur)[] remplacements) =>
        [.. champs.Where(c => remplacements.All(r => r.Cle != c.Key)), .. remplacements.Select(r => KeyValuePair.Create(r.Cle, r.Valeur))];

    private static async Task<(ClientPortail Admin, int Session)> SessionAsync(UsineExamens usine)
    {
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        await admin.SoumettreAsync("/gestion/sessions", [new("Annee", "2026"), new("Libelle", "BTS session 2026"), new("DateDeliberation", "2026-07-03")]);
        return (admin, Parcours.Session(usine, "BTS session 2026"));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_academy_is_added_with_its_window_in_local_time_and_settings_and_edited_before_it_opens(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (admin, session) = await SessionAsync(usine);

        await admin.SoumettreAsync($"/gestion/sessions/{session}/academies/nouvelle",
            Avec(Lille(), ("Saisie.DateLimitePieces", "2025-11-25T12:00"), ("Saisie.PieceD12Requise", "true")));

        Assert.Contains("Académie ajoutée à la session.", admin.DernierePage, StringComparison.Ordinal);
        var a = Parcours.Lire(usine, db => db.AcademiesSessions.Single(x => x.SessionId == session));
        Assert.Equal("LILLE", a.Code);
        // P12: 14:00 in Paris on 7 October is summer time (UTC+2); 17:00 on 18 November is winter time (UTC+1).
        Assert.Equal(new DateTime(2025, 10, 7, 12, 0, 0), a.OuvertureUtc);
        Assert.Equal(new DateTime(2025, 11, 18, 16, 0, 0), a.FermetureUtc);
        Assert.Equal(new DateTime(2025, 11, 25, 12, 0, 0), a.DateLimitePiecesLocale);
        Assert.True(a.PieceD12Requise);
        Assert.False(a.PieceD13Requise);
        Assert.Equal(1, a.MaxUnitesFacultatives);
        Assert.Equal(ModeConfirmation.Papier, a.ModeConfirmation);

        await admin.SoumettreAsync($"/gestion/sessions/{session}/academies/{a.Id}",
            Avec(Lille(fermeture: "2025-11-20T17:00"), ("Saisie.ModeConfirmation", "ValidationEnLigne"), ("Saisie.AbsenceFacultativeEliminatoire", "true")));
        Assert.Contains("Réglages de l'académie enregistrés.", admin.DernierePage, StringComparison.Ordinal);
        a = Parcours.Lire(usine, db => db.AcademiesSessions.Single(x => x.Id == a.Id));
        Assert.Equal(new DateTime(2025, 11, 20, 16, 0, 0), a.FermetureUtc);
        Assert.Equal(ModeConfirmation.ValidationEnLigne, a.ModeConfirmation);
        Assert.True(a.AbsenceFacultativeEliminatoire);
        Assert.False(a.PieceD12Requise);

        var journal = Parcours.Journal(usine, $"academie:{a.Id}");
        Assert.Equal(["academie.creee", "academie.modifiee"], journal.Select(e => e.Action));
        Assert.Null(journal[0].Avant);
        Assert.Contains("clôture 2025-11-18T17:00", journal[1].Avant, StringComparison.Ordinal);
        Assert.Contains("clôture 2025-11-20T17:00", journal[1].Apres, StringComparison.Ordinal);
        Assert.Contains("confirmation ValidationEnLigne", journal[1].Apres, StringComparison.Ordinal);
        Assert.Contains("academie.modifiee", admin.DernierePage, StringComparison.Ordinal);
        await admin.GetAsync($"/gestion/sessions/{session}");
        Assert.Contains("LILLE – Académie de Lille", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("validation en ligne", admin.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_unknown_zone_a_local_time_that_does_not_exist_or_a_closing_before_the_opening_is_refused_and_nothing_is_stored(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (admin, session) = await SessionAsync(usine);
        var page = $"/gestion/sessions/{session}/academies/nouvelle";

        await admin.SoumettreAsync(page, Lille(fuseau: "Europe/Lile"));
        Assert.Contains("Le fuseau horaire « Europe/Lile » n'existe pas", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("href=\"#Saisie_Fuseau\"", admin.DernierePage, StringComparison.Ordinal);

        // 29 March 2026, 02:30 in Paris: the clocks jump from 02:00 to 03:00.
        await admin.SoumettreAsync(page, Lille(ouverture: "2026-03-29T02:30", fermeture: "2026-04-30T17:00"));
        Assert.Contains("L'heure de l'ouverture des inscriptions (29/03/2026 02:30) n'existe pas dans le fuseau Europe/Paris : c'est le passage à l'heure d'été.",
            admin.DernierePage, StringComparison.Ordinal);

        await admin.SoumettreAsync(page, Lille(ouverture: "2025-11-18T17:00", fermeture: "2025-10-07T14:00"));
        Assert.Contains("La clôture des inscriptions doit être postérieure à leur ouverture.", admin.DernierePage, StringComparison.Ordinal);

        await admin.SoumettreAsync(page, Avec(Lille(), ("Saisie.DateLimitePieces", "2025-11-01T12:00"), ("Saisie.MaxUnitesFacultatives", "douze")));
        Assert.Contains("La date limite des pièces ne peut pas précéder la clôture", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Indiquez le nombre maximal d'unités facultatives", admin.DernierePage, StringComparison.Ordinal);

        Assert.Equal(0, Parcours.Lire(usine, db => db.AcademiesSessions.Count(a => a.SessionId == session)));
        Assert.Equal(0, Parcours.Lire(usine, db => db.Journal.Count(e => e.Action.StartsWith("academie."))));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Once_open_the_opening_is_fixed_and_the_closing_moves_only_with_a_reason_written_in_the_trail(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var session = Parcours.Session(usine, "BTS session 2024");
        var siec = Parcours.Academie(usine, "SIEC");
        var page = $"/gestion/sessions/{session}/academies/{siec}";
        await admin.GetAsync(page);
        Assert.Contains("Les inscriptions de cette académie sont ouvertes", admin.DernierePage, StringComparison.Ordinal);

        await admin.SoumettreAsync(page,
        [
            new("Saisie.Nom", "SIEC – Créteil, Paris, Versailles"), new("Saisie.Fuseau", "Europe/Paris"), new("Saisie.Ouverture", "2023-10-01T14:00"),
            new("Saisie.Fermeture", "2023-11-15T17:00"), new("Saisie.ModeConfirmation", "Papier"), new("Saisie.MaxUnitesFacultatives", "2"),
        ]);
        Assert.Contains("Les inscriptions sont ouvertes : l'ouverture ne peut plus changer.", admin.DernierePage, StringComparison.Ordinal);

        await admin.SoumettreAsync($"{page}?handler=Cloture", [new("nouvelleCloture", "2023-11-17T17:00"), new("motif", "")], depuis: page);
        Assert.Contains("Indiquez le motif de la modification de la clôture", admin.DernierePage, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2023, 11, 15, 16, 0, 0), Parcours.Lire(usine, db => db.AcademiesSessions.Single(a => a.Id == siec).FermetureUtc));
        Assert.Empty(Parcours.Journal(usine, $"academie:{siec}"));

        await admin.SoumettreAsync($"{page}?handler=Cloture", [new("nouvelleCloture", "2023-11-17T17:00"), new("motif", "Panne du portail le 14 novembre")], depuis: page);
        Assert.Contains("Clôture modifiée", admin.DernierePage, StringComparison.Ordinal);
        var a = Parcours.Lire(usine, db => db.AcademiesSessions.Single(x => x.Id == siec));
        Assert.Equal(new DateTime(2023, 11, 17, 16, 0, 0), a.FermetureUtc);
        Assert.Equal(new DateTime(2023, 10, 10, 14, 0, 0), a.OuvertureLocale);
        var entree = Assert.Single(Parcours.Journal(usine, $"academie:{siec}"));
        Assert.Equal("fenetre.cloture.modifiee", entree.Action);
        Assert.Equal("2023-11-15T17:00:00", entree.Avant);
        Assert.Equal("2023-11-17T17:00:00", entree.Apres);
        Assert.Equal("Panne du portail le 14 novembre", entree.Motif);
        Assert.Equal(Parcours.IdCompte(usine, "chef@exemple.fr"), entree.Acteur);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_closing_never_moves_into_the_past_nor_to_itself_nor_past_the_documents_deadline_and_nothing_is_stored(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var session = Parcours.Session(usine, "BTS session 2024");
        var siec = Parcours.Academie(usine, "SIEC");
        var page = $"/gestion/sessions/{session}/academies/{siec}";
        var fermeture = Parcours.Lire(usine, db => db.AcademiesSessions.Single(a => a.Id == siec).FermetureUtc);

        // It is 16:00 in Paris on 15 November 2023: 1 November would close the window backwards (P12).
        await admin.SoumettreAsync($"{page}?handler=Cloture", [new("nouvelleCloture", "2023-11-01T17:00"), new("motif", "Erreur de saisie")], depuis: page);
        Assert.Contains("La nouvelle clôture (mercredi 1 novembre 2023 à 17:00:00) est déjà passée", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("href=\"#nouvelleCloture\"", admin.DernierePage, StringComparison.Ordinal);

        await admin.SoumettreAsync($"{page}?handler=Cloture", [new("nouvelleCloture", "2023-11-15T17:00"), new("motif", "Rien")], depuis: page);
        Assert.Contains("La clôture est déjà le mercredi 15 novembre 2023 à 17:00:00 : rien n'est modifié.", admin.DernierePage, StringComparison.Ordinal);

        // P13: with a documents deadline on 20 November, the closing cannot go past it.
        Parcours.Lire(usine, db =>
        {
            db.AcademiesSessions.Single(a => a.Id == siec).DateLimitePiecesLocale = new DateTime(2023, 11, 20, 12, 0, 0);
            return db.SaveChanges();
        });
        await admin.SoumettreAsync($"{page}?handler=Cloture", [new("nouvelleCloture", "2023-11-22T17:00"), new("motif", "Panne")], depuis: page);
        Assert.Contains("La date limite des pièces (lundi 20 novembre 2023 à 12:00:00) précéderait la nouvelle clôture", admin.DernierePage, StringComparison.Ordinal);

        Assert.Equal(fermeture, Parcours.Lire(usine, db => db.AcademiesSessions.Single(a => a.Id == siec).FermetureUtc));
        Assert.Empty(Parcours.Journal(usine, $"academie:{siec}"));

        // Moving it later, before the deadline, still works.
        await admin.SoumettreAsync($"{page}?handler=Cloture", [new("nouvelleCloture", "2023-11-17T17:00"), new("motif", "Panne")], depuis: page);
        Assert.Contains("Clôture modifiée", admin.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_officer_reads_the_settings_of_their_academies_only_and_changes_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var session = Parcours.Session(usine, "BTS session 2024");
        var siec = Parcours.Academie(usine, "SIEC");

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/gestion/sessions/{session}/academies/{siec}")).StatusCode);
        Assert.Contains("en lecture seule", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("<fieldset disabled=\"disabled\">", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Modifier la clôture", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/gestion/sessions/{session}/academies/{Parcours.Academie(usine, "MARTINIQUE")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/gestion/sessions/{session}/academies/nouvelle")).StatusCode);

        var reponse = await Parcours.PosterAsync(agent, "/gestion/dossiers", $"/gestion/sessions/{session}/academies/{siec}?handler=Cloture",
            [new("nouvelleCloture", "2023-12-01T17:00"), new("motif", "Je prolonge")]);
        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
        Assert.Equal(new DateTime(2023, 11, 15, 16, 0, 0), Parcours.Lire(usine, db => db.AcademiesSessions.Single(a => a.Id == siec).FermetureUtc));
    }
}
