using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Gestion;

public sealed class DossierTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_document_opens_in_the_browser_or_downloads_and_each_access_is_in_the_trail(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "a@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await agent.GetAsync($"/gestion/dossiers/{id}");
        Assert.Contains("Élodie Marie", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Dernière version : 1, du", agent.DernierePage, StringComparison.Ordinal);
        var voir = Regex.Match(agent.DernierePage, "href=\"(/gestion/dossiers/[^\"]*handler=Voir[^\"]*)\" target=\"_blank\"").Groups[1].Value;
        var reponse = await agent.Http.GetAsync(new Uri(voir, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", reponse.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", reponse.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox", reponse.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), 0, 4), StringComparison.Ordinal);

        var telecharger = Regex.Match(agent.DernierePage, "href=\"(/gestion/dossiers/[^\"]*handler=Piece[^\"]*)\"").Groups[1].Value;
        var fichier = await agent.Http.GetAsync(new Uri(telecharger, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("attachment", fichier.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", fichier.Headers.GetValues("X-Content-Type-Options").Single());

        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var entrees = await db.Journal.Where(e => e.Action == "piece.consultee").OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
            var agentId = await db.Users.Where(u => u.Email == "agent@exemple.fr").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, entrees.Count);
            Assert.All(entrees, e => Assert.Equal(agentId, e.Acteur));
            Assert.All(entrees, e => Assert.Equal($"inscription:{id}", e.Cible));
            Assert.All(entrees, e => Assert.Equal(AdresseDistante.Adresse.ToString(), e.Adresse));
            Assert.Contains("ouverte dans le navigateur", entrees[0].Apres, StringComparison.Ordinal);
            Assert.Contains("téléchargée", entrees[1].Apres, StringComparison.Ordinal);
        }

        await agent.GetAsync($"/gestion/dossiers/{id}");
        Assert.Contains("Pièce consultée", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("agent@exemple.fr", agent.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Review_journey_rejected_with_a_reason_replaced_then_accepted_makes_the_file_complete(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, chemin, id, pieces) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await ParcoursDossier.ExaminerAsync(agent, id, "D2", "Refusee", "Illisible", "la photo est floue");
        Assert.Contains("Pièce D2 refusée. Le candidat est prévenu par courriel.", agent.DernierePage, StringComparison.Ordinal);

        var courriel = usine.DernierCourrielPour("elodie@exemple.fr");
        Assert.StartsWith("Pièce D2 refusée", courriel.Subject, StringComparison.Ordinal);
        Assert.Contains("Motif : Illisible : la photo est floue", courriel.TextBody, StringComparison.Ordinal);
        Assert.Contains("déposer un nouveau fichier", courriel.TextBody, StringComparison.Ordinal);
        Assert.Contains("jusqu'au mercredi 15 novembre 2023 à 17:00:00", courriel.TextBody, StringComparison.Ordinal);

        await candidat.GetAsync($"{chemin}/pieces");
        Assert.Contains("refusée", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("motif : Illisible : la photo est floue", candidat.DernierePage, StringComparison.Ordinal);

        await candidat.DeposerAsync($"{chemin}/pieces", "D2", ParcoursDossier.UnPdf("nette"), "carte-nette.pdf");
        foreach (var p in pieces)
        {
            await ParcoursDossier.ExaminerAsync(agent, id, p, "Acceptee");
            Assert.Contains($"Pièce {p} acceptée.", agent.DernierePage, StringComparison.Ordinal);
        }

        Assert.StartsWith("Pièce", usine.DernierCourrielPour("elodie@exemple.fr").Subject, StringComparison.Ordinal);
        await candidat.GetAsync($"{chemin}/pieces");
        Assert.DoesNotContain("motif :", candidat.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync("/gestion/dossiers");
        Assert.Contains("<td>complet</td>", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>incomplet</td>", agent.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync($"/gestion/dossiers/{id}");
        Assert.Contains("dossier <strong>complet</strong>", agent.DernierePage, StringComparison.Ordinal);

        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var examens = await db.Journal.Where(e => e.Action == "piece.examinee").OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(pieces.Count + 1, examens.Count);
        Assert.Equal("D2 « d2.pdf » : Recue", examens[0].Avant);
        Assert.Equal("D2 « d2.pdf » : Refusee", examens[0].Apres);
        Assert.Equal("Illisible : la photo est floue", examens[0].Motif);
        Assert.All(examens, e => Assert.Equal(AdresseDistante.Adresse.ToString(), e.Adresse));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_rejection_without_a_reason_is_refused_and_an_officer_of_another_academy_gets_404(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "a@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await ParcoursDossier.ExaminerAsync(agent, id, "D2", "Refusee");
        Assert.Contains("Un refus doit être motivé", agent.DernierePage, StringComparison.Ordinal);

        var html = agent.DernierePage;
        var autre = await Parcours.PersonnelConnecteAsync(usine, "autre@exemple.fr", RolesPersonnel.Gestionnaire, "NANCY-METZ");
        await autre.GetAsync("/gestion/dossiers");
        var pieceId = Regex.Match(html, "id=\"piece-D2\".*?name=\"pieceId\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        var reponse = await autre.PosterDepuisAsync(
            $"<form method=\"post\" action=\"/gestion/dossiers/{id}?handler=Examiner\">{Regex.Match(autre.DernierePage, "<input name=\"__RequestVerificationToken\"[^>]*>").Value}</form>",
            "/gestion/dossiers", $"/gestion/dossiers/{id}?handler=Examiner", [new("pieceId", pieceId), new("decision", "Acceptee")]);
        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);

        var voir = Regex.Match(html, "href=\"(/gestion/dossiers/[^\"]*handler=Voir[^\"]*)\"").Groups[1].Value;
        foreach (var url in new[] { $"/gestion/dossiers/{id}", voir, voir.Replace("handler=Voir", "handler=Piece", StringComparison.Ordinal),
                     $"/gestion/dossiers/{id}?handler=JournalCsv", $"/gestion/dossiers/{id}?handler=JournalPdf", $"/gestion/dossiers/{id}/modifier" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ParcoursDossier.PosterSansFormulaireAsync(autre, $"/gestion/dossiers/{id}?handler=Ecarter", [new("motif", "essai")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ParcoursDossier.PosterSansFormulaireAsync(autre, $"/gestion/dossiers/{id}?handler=Reintegrer", [new("motif", "essai")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ParcoursDossier.PosterSansFormulaireAsync(autre, $"/gestion/dossiers/{id}/modifier",
            [new("Saisie.SpecialiteOption", "MS|A"), new("Saisie.Forme", "Globale"), new("Motif", "essai")])).StatusCode);

        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        Assert.False(await db.Journal.AnyAsync(e => e.Action == "piece.examinee" || e.Action == "piece.consultee" || e.Action == "journal.exporte"
            || e.Action == "inscription.ecartee", TestContext.Current.CancellationToken));
        Assert.Equal(Examens.Core.Inscriptions.EtatInscription.Soumise, (await db.Inscriptions.SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken)).Etat);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Two_versions_are_compared_field_by_field_with_the_changes_said_in_words(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "a@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, chemin);
        await candidat.SoumettreAsync($"{chemin}/recapitulatif", [], "Soumettre");
        await candidat.SoumettreAsync($"{chemin}/examen",
            [new("Saisie.SpecialiteOption", "MS|A"), new("Saisie.Forme", "Globale"), new("Saisie.ConfirmeForme", "true"), new("Saisie.LangueObligatoire", "anglais"),
             new("Saisie.LangueFacultative", ""), new("aller", "recapitulatif")]);
        await candidat.SoumettreAsync($"{chemin}/recapitulatif", [], "Soumettre");
        var id = Guid.Parse(chemin.Split('/')[^1]);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await agent.GetAsync($"/gestion/dossiers/{id}");
        Assert.Contains("Version 1 et version 2, champ par champ (2 champ(s) modifié(s))", agent.DernierePage, StringComparison.Ordinal);
        var ligne = Regex.Match(agent.DernierePage, "<tr class=\"modifie\">\\s*<th scope=\"row\">Langues facultatives</th>\\s*<td>arabe</td>\\s*<td></td>\\s*<td>modifié</td>");
        Assert.True(ligne.Success, "La langue facultative retirée apparaît comme modifiée, en toutes lettres.");
        Assert.Matches("<th scope=\"row\">Spécialité</th>\\s*<td>MS</td>\\s*<td>MS</td>\\s*<td>inchangé</td>", agent.DernierePage);

        await agent.GetAsync($"/gestion/dossiers/{id}?v1=2&v2=2");
        Assert.Contains("(0 champ(s) modifié(s))", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("le candidat", agent.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_registration_is_set_aside_and_reinstated_with_a_reason_the_candidate_reads(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await ParcoursDossier.PosterDossierAsync(agent, id, "Ecarter", [new("motif", "  ")]);
        Assert.Contains("Indiquez pourquoi l'inscription est écartée", agent.DernierePage, StringComparison.Ordinal);

        await ParcoursDossier.PosterDossierAsync(agent, id, "Ecarter", [new("motif", "Double inscription dans une autre académie")]);
        Assert.Contains("Inscription écartée. Le candidat est prévenu par courriel.", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Statut : <strong>écartée</strong>", agent.DernierePage, StringComparison.Ordinal);
        var courriel = usine.DernierCourrielPour("elodie@exemple.fr");
        Assert.StartsWith("Inscription BTS", courriel.Subject, StringComparison.Ordinal);
        Assert.EndsWith("écartée", courriel.Subject, StringComparison.Ordinal);
        Assert.Contains("Motif : Double inscription dans une autre académie", courriel.TextBody, StringComparison.Ordinal);

        await candidat.GetAsync("/candidat");
        Assert.Contains("Écartée par le service des examens", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Motif : Double inscription dans une autre académie", candidat.DernierePage, StringComparison.Ordinal);

        await agent.GetAsync("/gestion/dossiers?etat=Ecartee");
        Assert.Contains(id.ToString(), agent.DernierePage, StringComparison.Ordinal);
        await agent.GetAsync("/gestion/dossiers?etat=Soumise");
        Assert.DoesNotContain(id.ToString(), agent.DernierePage, StringComparison.Ordinal);

        await ParcoursDossier.PosterDossierAsync(agent, id, "Reintegrer", [new("motif", "")]);
        Assert.Contains("Indiquez pourquoi l'inscription est réintégrée", agent.DernierePage, StringComparison.Ordinal);
        await ParcoursDossier.PosterDossierAsync(agent, id, "Reintegrer", [new("motif", "Erreur : homonyme")]);
        Assert.Contains("Inscription réintégrée.", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Statut : <strong>soumise</strong>", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Motif : Erreur : homonyme", usine.DernierCourrielPour("elodie@exemple.fr").TextBody, StringComparison.Ordinal);

        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var entrees = await db.Journal.Where(e => e.Action == "inscription.ecartee" || e.Action == "inscription.reintegree").OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, entrees.Count);
        Assert.Equal(("Soumise", "Ecartee", "Double inscription dans une autre académie"), (entrees[0].Avant, entrees[0].Apres, entrees[0].Motif));
        Assert.Equal(("Ecartee", "Soumise", "Erreur : homonyme"), (entrees[1].Avant, entrees[1].Apres, entrees[1].Motif));
        Assert.All(entrees, e => Assert.Equal(AdresseDistante.Adresse.ToString(), e.Adresse));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_trail_is_exported_for_an_appeal_as_csv_and_pdf(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await ParcoursDossier.ExaminerAsync(agent, id, "D2", "Refusee", "Illisible", "photo floue ; recadrer");

        var csv = await agent.Http.GetAsync(new Uri($"/gestion/dossiers/{id}?handler=JournalCsv", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var octets = await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], octets[..3]);
        var texte = System.Text.Encoding.UTF8.GetString(octets, 3, octets.Length - 3);
        var lignes = texte.Split("\r\n");
        Assert.Equal("Date et heure (heure locale);Qui;Action;Avant;Après;Motif;Adresse", lignes[0]);
        Assert.Contains(lignes, l => l.Contains("le candidat (elodie@exemple.fr);Inscription soumise (nouvelle version)", StringComparison.Ordinal));
        Assert.Contains(lignes, l => l.Contains("agent@exemple.fr;Pièce examinée;D2 « d2.pdf » : reçue;D2 « d2.pdf » : refusée;\"Illisible : photo floue ; recadrer\";203.0.113.7", StringComparison.Ordinal));
        Assert.Contains(lignes, l => l.Contains(";Journal exporté;;CSV;", StringComparison.Ordinal));

        var pdf = await agent.Http.GetAsync(new Uri($"/gestion/dossiers/{id}?handler=JournalPdf", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var flux = new MemoryStream(await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(flux, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        Assert.StartsWith("Journal du dossier BTS", document.Info.Title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_mangled_version_number_in_the_address_shows_the_default_comparison_without_an_error_box(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "a@exemple.fr");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        // Before: "Une erreur empêche d'enregistrer – La valeur saisie pour « VersionA » n'est pas valide." on a read-only page.
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/gestion/dossiers/{id}?v1=abc&v2=99999999999")).StatusCode);
        Assert.Contains("Dernière version : 1, du", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("resume-erreurs", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("VersionA", agent.DernierePage, StringComparison.Ordinal);
    }
}
