using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Domain.Deliberations;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Gestion.Notes;

public sealed partial class NotesTests
{
    private sealed record Contexte(UsineExamens Usine, int Session, int Centre, Guid Inscription, string Numero);

    private static async Task<Contexte> ConvoquerAsync(UsineExamens usine)
    {
        await ParcoursConvocations.CandidatSoumisAsync(usine, "elodie@exemple.fr");
        var session = ParcoursConvocations.Session(usine);
        var chef = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        await ParcoursConvocations.PreparerAsync(chef, session);
        await chef.SoumettreAsync($"/gestion/sessions/{session}/convocations", [], "Affecter");
        await chef.SoumettreAsync($"/gestion/sessions/{session}/convocations", [], "Publier");
        Assert.Contains("Convocations publiées", chef.DernierePage, StringComparison.Ordinal);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var centre = await db.CentresExamen.SingleAsync(TestContext.Current.CancellationToken);
        var inscription = await db.Inscriptions.SingleAsync(TestContext.Current.CancellationToken);
        return new Contexte(usine, session, centre.Id, inscription.Id, inscription.Numero);
    }

    /// <summary>Opens the entry page of a unit and posts one grade (or absence) for the only candidate.</summary>
    private static async Task SaisirAsync(ClientPortail agent, Contexte c, string unite, int saisie, string note, string absence = "")
    {
        var page = $"/gestion/sessions/{c.Session}/notes?centre={c.Centre}&epreuve=MS%7C{unite}&saisie={saisie}";
        await agent.GetAsync(page);
        var action = ActionRegex().Match(agent.DernierePage).Groups[1].Value;
        Assert.NotEmpty(action);
        await agent.PosterDepuisAsync(agent.DernierePage, page, action,
            [new("Lignes[0].InscriptionId", c.Inscription.ToString()), new("Lignes[0].Note", note), new("Lignes[0].Absence", absence)]);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P7_a_grade_keyed_twice_by_two_officers_is_validated_and_a_bad_grade_is_refused_in_French(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var c = await ConvoquerAsync(usine);
        var agent1 = await Parcours.PersonnelConnecteAsync(usine, "agent1@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var agent2 = await Parcours.PersonnelConnecteAsync(usine, "agent2@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        foreach (var (note, message) in new[]
                 {
                     ("21", "la note 21 doit être comprise entre 0 et 20."),
                     ("-1", "la note -1 doit être comprise entre 0 et 20."),
                     ("12.345", "la note 12.345 a plus de deux décimales (deux au plus, P7)."),
                     ("douze", "« douze » n'est pas une note : écrivez un nombre de 0 à 20, par exemple 12,5."),
                 })
        {
            await SaisirAsync(agent1, c, "U2", 1, note);
            Assert.Contains($"Candidat {c.Numero} : {message}", agent1.DernierePage, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", agent1.DernierePage, StringComparison.Ordinal);
        }

        await SaisirAsync(agent1, c, "U2", 1, "12,5");
        Assert.Contains("1 saisie(s) enregistrée(s), 0 inchangée(s) ; 0 note(s) validée(s)", agent1.DernierePage, StringComparison.Ordinal);
        Assert.Contains("votre saisie : 12,5/20", agent1.DernierePage, StringComparison.Ordinal);

        // The second keying is blind: agent 2 does not see the first.
        await agent2.GetAsync($"/gestion/sessions/{c.Session}/notes?centre={c.Centre}&epreuve=MS%7CU2&saisie=2");
        Assert.DoesNotContain("12,5", agent2.DernierePage, StringComparison.Ordinal);
        await SaisirAsync(agent2, c, "U2", 2, "12.50");
        Assert.Contains("1 note(s) validée(s) par deux saisies concordantes ; 0 écart(s) à trancher.", agent2.DernierePage, StringComparison.Ordinal);
        Assert.Contains("validée : 12,5/20", agent2.DernierePage, StringComparison.Ordinal);

        // The same officer cannot make both keyings of a grade.
        await SaisirAsync(agent1, c, "U32", 1, "", "ANJ");
        await SaisirAsync(agent1, c, "U32", 2, "", "ANJ");
        Assert.Contains($"vous avez fait la saisie 1 de U32 pour le candidat {c.Numero} : la saisie 2 doit être faite par une autre personne.", agent1.DernierePage, StringComparison.Ordinal);

        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var validee = await db.NotesUnites.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("U2", NatureResultat.Note, (decimal?)12.5m), (validee.Unite, validee.Nature, validee.Note));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_mismatch_is_listed_and_settled_by_an_officer_with_a_reason_in_the_trail(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var c = await ConvoquerAsync(usine);
        var agent1 = await Parcours.PersonnelConnecteAsync(usine, "agent1@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var agent2 = await Parcours.PersonnelConnecteAsync(usine, "agent2@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await SaisirAsync(agent1, c, "U4", 1, "14");
        await SaisirAsync(agent2, c, "U4", 2, "11");
        Assert.Contains("0 note(s) validée(s) par deux saisies concordantes ; 1 écart(s) à trancher.", agent2.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Écarts de saisie (1)", agent2.DernierePage, StringComparison.Ordinal);

        var ecarts = $"/gestion/sessions/{c.Session}/notes/ecarts";
        await agent1.GetAsync(ecarts);
        Assert.Contains($"Candidat {c.Numero}", agent1.DernierePage, StringComparison.Ordinal);
        Assert.Contains("14/20", agent1.DernierePage, StringComparison.Ordinal);
        Assert.Contains("11/20", agent1.DernierePage, StringComparison.Ordinal);

        await agent1.SoumettreAsync(ecarts, [new("inscriptionId", c.Inscription.ToString()), new("unite", "U4"), new("note", "14"), new("motif", "")], "Trancher");
        Assert.Contains("Indiquez le motif de l'arbitrage", agent1.DernierePage, StringComparison.Ordinal);
        await agent1.SoumettreAsync(ecarts, [new("inscriptionId", c.Inscription.ToString()), new("unite", "U4"), new("note", "14"), new("motif", "Copie vérifiée : 14/20.")], "Trancher");
        Assert.Contains("Écart tranché : U4 = 14/20. Inscrit au journal.", agent1.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Aucun écart à trancher.", agent1.DernierePage, StringComparison.Ordinal);

        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        Assert.Equal((decimal?)14m, (await db.NotesUnites.SingleAsync(TestContext.Current.CancellationToken)).Note);
        var trace = await db.Journal.SingleAsync(e => e.Action == "note.arbitrage", TestContext.Current.CancellationToken);
        Assert.Equal(("U4 : saisie 1 14/20 ; saisie 2 11/20", "Copie vérifiée : 14/20."), (trace.Avant, trace.Motif));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_centre_file_with_a_bad_line_is_refused_whole_with_line_numbers_then_a_good_one_is_imported(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var c = await ConvoquerAsync(usine);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent1@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var page = $"/gestion/sessions/{c.Session}/notes";
        var agentPage = "";

        async Task ImporterAsync(string texte)
        {
            await agent.GetAsync(page);
            using var contenu = new MultipartFormDataContent
            {
                { new StringContent(ClientPortail.Jeton(agent.DernierePage)), "__RequestVerificationToken" },
                { new StringContent("1"), "Saisie" },
                { new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(texte)]), "fichier", "arago.csv" },
            };
            var reponse = await agent.Http.PostAsync(new Uri($"{page}?handler=Importer", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            agentPage = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        await ImporterAsync($"numero_candidat;unite;note;absence\n{c.Numero};U2;12,5;\n{c.Numero};U31;25;\n{c.Numero};U9;10;\n");
        Assert.Contains("Fichier refusé, aucune note enregistrée : 2 problème(s).", agentPage, StringComparison.Ordinal);
        Assert.Contains("Ligne 3 : la note 25 doit être comprise entre 0 et 20.", agentPage, StringComparison.Ordinal);
        Assert.Contains($"Ligne 4 : le candidat {c.Numero} ne présente pas l'unité « U9 » à cette session.", agentPage, StringComparison.Ordinal);
        using (var portee = usine.Services.CreateScope())
        {
            Assert.Empty(await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().SaisiesNotes.ToListAsync(TestContext.Current.CancellationToken));
        }

        await ImporterAsync($"numero_candidat;unite;note;absence\n{c.Numero};U2;12,5;\n{c.Numero};U31;;AJ\n");
        Assert.Contains("Fichier importé en saisie 1. 2 saisie(s) enregistrée(s)", agentPage, StringComparison.Ordinal);
    }

    [GeneratedRegex("action=\"([^\"]*handler=Saisir[^\"]*)\"")]
    private static partial Regex ActionRegex();

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_mangled_centre_or_keying_in_the_address_is_ignored_without_an_error_box_naming_a_property(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var session = ParcoursConvocations.Session(usine);

        // Before: "2 erreurs empêchent d'enregistrer – La valeur saisie pour « Centre » / « Saisie » n'est pas valide." on a GET.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/gestion/sessions/{session}/notes?centre=abc&saisie=xyz&epreuve=%7C%7C")).StatusCode);
        Assert.DoesNotContain("resume-erreurs", admin.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("n'est pas valide", admin.DernierePage, StringComparison.Ordinal);
    }
}
