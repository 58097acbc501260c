using System.Net;
using Examens.Core.Comptes;
using Examens.Domain.Deliberations;
using Examens.Web.Infrastructure;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Gestion.Sessions;

public sealed class DeliberationTests
{
    private static UsineExamens Usine(string baseDeDonnees)
    {
        var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false"; // the test runs the background pass itself, once, when it wants
        usine.Horloge.SetUtcNow(SessionDeliberee.Veille);
        return usine;
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R37_R38_the_whole_session_is_deliberated_from_the_back_office_with_counts_and_a_filterable_list(string baseDeDonnees)
    {
        using var usine = Usine(baseDeDonnees);
        foreach (var c in new[] { "alice@exemple.fr", "bruno@exemple.fr", "claire@exemple.fr", "nina@exemple.fr" })
        {
            await SessionDeliberee.CandidatAsync(usine, c);
        }

        await SessionDeliberee.InscrireAsync(usine, "alice@exemple.fr", "Admise", SessionDeliberee.Toutes(12m));
        var ajourne = await SessionDeliberee.InscrireAsync(usine, "bruno@exemple.fr", "Ajourne", SessionDeliberee.NotesAjourne);
        var elimine = SessionDeliberee.Toutes(15m);
        elimine["U3"] = new() { Nature = NatureResultat.AbsenceNonJustifiee };
        await SessionDeliberee.InscrireAsync(usine, "claire@exemple.fr", "Eliminee", elimine);
        await SessionDeliberee.InscrireAsync(usine, "nina@exemple.fr", "Nancy", SessionDeliberee.Toutes(11m), codeAcademie: "NANCY-METZ");
        var session = SessionDeliberee.Session(usine);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var chef = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC", "NANCY-METZ", "MARTINIQUE");
        var url = $"/gestion/sessions/{session}/deliberation";

        // An officer of one academy sees the page but cannot deliberate the whole session: it decides for the other
        // academies' candidates too.
        await agent.GetAsync("/gestion/sessions");
        Assert.Contains($"href=\"{url}\"", agent.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync(url);
        Assert.DoesNotContain("Délibérer toute la session", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("seul un administrateur ou un gestionnaire de chacune d'elles peut le faire", agent.DernierePage, StringComparison.Ordinal);
        foreach (var handler in new[] { "Deliberer", "Verrouiller", "Publier" })
        {
            // The buttons are not there; a hand-made post (with the page's valid antiforgery token) is refused.
            using var contenu = new FormUrlEncodedContent([new("Publication", "2024-07-05T10:00"), new("__RequestVerificationToken", ClientPortail.Jeton(agent.DernierePage))]);
            var refus = await agent.Http.PostAsync(new Uri($"{url}?handler={handler}", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, refus.StatusCode);
            Assert.Contains("seul un administrateur ou un gestionnaire de chacune d", await refus.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Null(await SessionDeliberee.LireAsync(usine, db => db.PublicationsResultats.FirstOrDefaultAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await SessionDeliberee.LireAsync(usine, db => db.ResultatsInscriptions.CountAsync(TestContext.Current.CancellationToken)));

        await chef.SoumettreAsync(url, [], "Deliberer");
        Assert.Contains("Délibération faite pour toute la session : 4 candidat(s), 2 admis, 1 ajourné(s), 1 éliminé(s), 0 incomplet(s).", chef.DernierePage, StringComparison.Ordinal);

        // The whole session (Nancy-Metz too), but the counts and the list of the officer's scope only.
        await agent.GetAsync(url);
        Assert.Contains("Admis : <strong id=\"compte-admis\">1</strong>", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"compte-ajournes\">1</strong>", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"compte-elimines\">1</strong>", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Nancy", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Camille Ajourne", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("9,64", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains($"/gestion/sessions/{session}/jury/{ajourne}", agent.DernierePage, StringComparison.Ordinal);

        await agent.GetAsync($"{url}?decision=Ajourne");
        Assert.Contains("Camille Ajourne", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Camille Admise", agent.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync($"{url}?q=eliminee");
        Assert.Contains("Camille Eliminee", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Éliminé", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Camille Ajourne", agent.DernierePage, StringComparison.Ordinal);

        var entree = await SessionDeliberee.LireAsync(usine, db => db.Journal.SingleAsync(e => e.Action == "deliberation.session", TestContext.Current.CancellationToken));
        Assert.Equal($"session:{session}", entree.Cible);

        // An officer of no academy of this session does not see it.
        var autre = await Parcours.PersonnelConnecteAsync(usine, "autre@exemple.fr", RolesPersonnel.Gestionnaire, "LILLE");
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync($"/gestion/sessions/{session}/jury/{ajourne}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_publication_instant_already_past_is_said_to_publish_at_once(string baseDeDonnees)
    {
        using var usine = Usine(baseDeDonnees);
        var candidat = await SessionDeliberee.CandidatAsync(usine, "chloe@exemple.fr");
        await SessionDeliberee.InscrireAsync(usine, "chloe@exemple.fr", "Ajourne", SessionDeliberee.NotesAjourne);
        var session = SessionDeliberee.Session(usine);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC", "NANCY-METZ", "MARTINIQUE");
        var url = $"/gestion/sessions/{session}/deliberation";
        await PublicationDeTest.ConvocationsPublieesAsync(usine, session);
        await agent.SoumettreAsync(url, [], "Deliberer");
        await agent.SoumettreAsync(url, [], "Verrouiller");

        // It is 11:00 Paris on 4 July 2024: 09:00 the same day is past, so the results are out at once, and said so.
        await agent.SoumettreAsync(url, [new("Publication", "2024-07-04T09:00")], "Publier");
        Assert.Contains("Résultats publiés dès maintenant : l'instant indiqué (jeudi 4 juillet 2024 à 09:00:00 (heure de Paris)) est déjà passé.", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Publication fixée au", agent.DernierePage, StringComparison.Ordinal);
        await candidat.GetAsync("/candidat/resultats");
        Assert.DoesNotContain("Les résultats de cette session ne sont pas encore publiés.", candidat.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Locked_results_are_published_at_the_set_instant_staff_preview_before_candidate_after_and_one_email(string baseDeDonnees)
    {
        using var usine = Usine(baseDeDonnees);
        var candidat = await SessionDeliberee.CandidatAsync(usine, "bruno@exemple.fr");
        var id = await SessionDeliberee.InscrireAsync(usine, "bruno@exemple.fr", "Ajourne", SessionDeliberee.NotesAjourne);
        var session = SessionDeliberee.Session(usine);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC", "NANCY-METZ", "MARTINIQUE");
        var url = $"/gestion/sessions/{session}/deliberation";

        // R60: before the convocations are published, registrations can still arrive or change: no lock.
        await agent.SoumettreAsync(url, [], "Verrouiller");
        Assert.Contains("Les convocations de cette session ne sont pas publiées : des inscriptions peuvent encore arriver ou changer (R60).", agent.DernierePage, StringComparison.Ordinal);
        Assert.False(await SessionDeliberee.LireAsync(usine, db => db.PublicationsResultats.AnyAsync(p => p.SessionId == session, TestContext.Current.CancellationToken)));
        await PublicationDeTest.ConvocationsPublieesAsync(usine, session);

        await agent.SoumettreAsync(url, [], "Verrouiller");
        Assert.Contains("La session n'est pas entièrement délibérée (0 candidat(s) délibéré(s) sur 1)", agent.DernierePage, StringComparison.Ordinal);
        await agent.SoumettreAsync(url, [], "Deliberer");
        await agent.SoumettreAsync(url, [], "Verrouiller");
        Assert.Contains("Résultats verrouillés", agent.DernierePage, StringComparison.Ordinal);

        // Locked: no new deliberation, no jury change.
        await agent.PosterDepuisAsync(agent.DernierePage, url, $"{url}?handler=Publier", [new("Publication", "pas une date")]);
        Assert.Contains("Indiquez la date et l'heure de publication", agent.DernierePage, StringComparison.Ordinal);
        var ancien = await SessionDeliberee.ResultatAsync(usine, id);
        await agent.GetAsync(url);
        Assert.DoesNotContain("Délibérer toute la session", agent.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync($"/gestion/sessions/{session}/jury/{id}");
        Assert.Contains("Les résultats de la session sont verrouillés : la décision du jury ne peut plus changer.", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer la décision du jury", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(ancien.DelibereLeUtc, (await SessionDeliberee.ResultatAsync(usine, id)).DelibereLeUtc);

        // Publication at 12:00 Paris (10:00 UTC); it is 11:00 Paris.
        await agent.SoumettreAsync(url, [new("Publication", "2024-07-04T12:00")], "Publier");
        Assert.Contains("Publication fixée au jeudi 4 juillet 2024 à 12:00:00 (heure de Paris)", agent.DernierePage, StringComparison.Ordinal);

        await candidat.GetAsync("/candidat/resultats");
        Assert.Contains("Les résultats de cette session ne sont pas encore publiés.", candidat.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajourné", candidat.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("9,64", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await candidat.GetAsync($"/candidat/resultats/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await candidat.GetAsync($"/candidat/resultats/{id}?handler=Releve")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/gestion/sessions/{session}/resultats/{id}")).StatusCode);
        Assert.Contains("Aperçu réservé aux personnels", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Ajourné", agent.DernierePage, StringComparison.Ordinal);
        var apercu = await agent.Http.GetAsync(new Uri($"/gestion/sessions/{session}/resultats/{id}?handler=Releve", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", apercu.Content.Headers.ContentType?.MediaType);

        var taches = usine.Services.GetRequiredService<TachesDeFond>();
        await taches.ExecuterUneFoisAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(usine.Courriels(), m => (m.Subject ?? "").Contains("résultats", StringComparison.Ordinal));

        usine.Horloge.SetUtcNow(new DateTimeOffset(2024, 7, 4, 10, 0, 0, TimeSpan.Zero));
        await candidat.GetAsync("/candidat/resultats");
        Assert.Contains("Décision : <strong>Ajourné</strong> – moyenne 9,64/20", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await candidat.GetAsync($"/candidat/resultats/{id}")).StatusCode);

        await taches.ExecuterUneFoisAsync(TestContext.Current.CancellationToken);
        await taches.ExecuterUneFoisAsync(TestContext.Current.CancellationToken);
        var courriels = usine.Courriels().Where(m => m.Subject == "Vos résultats du BTS session 2024 sont publiés").ToList();
        var courriel = Assert.Single(courriels);
        Assert.Equal("bruno@exemple.fr", courriel.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("Ajourné", courriel.TextBody, StringComparison.Ordinal); // no result by e-mail (R62)

        // The staff cookie is re-validated after the hour the clock moved (its second-factor claim with it): sign in again.
        agent = await Parcours.PersonnelConnecteAsync(usine, "agent2@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC", "NANCY-METZ", "MARTINIQUE");
        await agent.GetAsync(url);
        Assert.Contains("Résultats publiés</strong> depuis le jeudi 4 juillet 2024 à 12:00:00", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Fixer la publication", agent.DernierePage, StringComparison.Ordinal);
        var publication = await SessionDeliberee.LireAsync(usine, db => db.PublicationsResultats.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(new DateTime(2024, 7, 4, 10, 0, 0), publication.PublicationUtc);
        var trail = await SessionDeliberee.LireAsync(usine, db => db.Journal.Select(e => e.Action).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains("resultats.verrouilles", trail);
        Assert.Contains("resultats.publication-fixee", trail);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_mangled_filter_in_the_address_is_ignored_without_an_error_box_naming_a_property(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Horloge.SetUtcNow(SessionDeliberee.Veille);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var session = SessionDeliberee.Session(usine);

        // Before: "2 erreurs empêchent d'enregistrer – La valeur saisie pour « FiltreDecision » n'est pas valide." on a GET.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/gestion/sessions/{session}/deliberation?decision=xyz&controle=bof")).StatusCode);
        Assert.Contains("Délibérer toute la session", admin.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("resume-erreurs", admin.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("FiltreDecision", admin.DernierePage, StringComparison.Ordinal);
    }
}
