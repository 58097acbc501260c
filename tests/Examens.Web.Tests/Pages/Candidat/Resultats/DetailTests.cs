using System.Net;
using Examens.Domain.Deliberations;
using Examens.Web.Tests.Outils;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace Examens.Web.Tests.Pages.Candidat.Resultats;

public sealed class DetailTests
{
    /// <summary>Each page's words joined by one space, so a fragment matches whatever the line breaks.</summary>
    private static string[] Pages(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    private static async Task<(UsineExamens Usine, ClientPortail Candidat, Guid Id)> PublierAsync(string baseDeDonnees, string courriel, string nom, Dictionary<string, Core.Resultats.NoteUnite> notes)
    {
        var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        usine.Horloge.SetUtcNow(SessionDeliberee.Veille);
        var candidat = await SessionDeliberee.CandidatAsync(usine, courriel);
        var id = await SessionDeliberee.InscrireAsync(usine, courriel, nom, notes);
        await PublicationDeTest.DelibererEtPublierAsync(usine, SessionDeliberee.Session(usine), SessionDeliberee.Veille);
        return (usine, candidat, id);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R64_P1_R22_the_releve_of_a_deferred_candidate_has_the_units_the_kept_grade_the_decision_and_the_attestation(string baseDeDonnees)
    {
        var (usine, candidat, id) = await PublierAsync(baseDeDonnees, "bruno@exemple.fr", "Ajourne", SessionDeliberee.NotesAjourne);
        using var _u = usine;

        await candidat.GetAsync($"/candidat/resultats/{id}");
        Assert.Contains("Décision du jury : <span id=\"decision\">Ajourné</span>", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("obtenue à la session 2021, utilisable jusqu'à la délibération du 2 juillet 2026", candidat.DernierePage, StringComparison.Ordinal);

        var reponse = await candidat.Http.GetAsync(new Uri($"/candidat/resultats/{id}?handler=Releve", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        var pages = Pages(await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, pages.Length);
        var releve = pages[0];
        Assert.Contains("Relevé de notes", releve, StringComparison.Ordinal);
        Assert.Contains("Camille Ajourne", releve, StringComparison.Ordinal);
        Assert.Contains("BTS session 2024", releve, StringComparison.Ordinal);
        Assert.Contains("MCO – Management commercial opérationnel", releve, StringComparison.Ordinal);
        Assert.Contains("U1 Culture générale et expression 3 12,00/20", releve, StringComparison.Ordinal);
        Assert.Contains("U41 Développement de la relation client et 3 7,00/20", releve, StringComparison.Ordinal);
        // Words are read line by line across the row: the kept grade's cell and its observation interleave.
        Assert.Contains("U3 Culture économique, juridique et 3 13,00/20 obtenue à la session 2021, managériale (bénéfice) utilisable jusqu'à la délibération du 2 juillet 2026", releve, StringComparison.Ordinal);
        Assert.Contains("Décision du jury : Ajourné", releve, StringComparison.Ordinal);
        Assert.Contains("Moyenne générale : 9,64/20", releve, StringComparison.Ordinal);

        // R22, R66: the units passed with 10 or more (U1 12, U6 10 this session; U3 kept) on the attestation.
        var attestation = pages[1];
        Assert.Contains("Attestation de réussite à des unités (blocs de compétences)", attestation, StringComparison.Ordinal);
        Assert.Contains("le recteur de région académique atteste", attestation, StringComparison.Ordinal);
        Assert.Contains("U1 Culture générale et expression 12,00/20 utilisable jusqu'au 5 juillet 2029", attestation, StringComparison.Ordinal);
        Assert.Contains("U3 Culture économique, juridique et 13,00/20 utilisable jusqu'au 2 juillet 2026", attestation, StringComparison.Ordinal);
        Assert.Contains("U6 Management de l'équipe commerciale 10,00/20 utilisable jusqu'au 5 juillet 2029", attestation, StringComparison.Ordinal);
        Assert.DoesNotContain("U41", attestation, StringComparison.Ordinal);
        Assert.DoesNotContain("U21", attestation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_admitted_candidate_has_no_attestation_and_another_candidate_finds_nothing(string baseDeDonnees)
    {
        var (usine, candidat, id) = await PublierAsync(baseDeDonnees, "alice@exemple.fr", "Admise", SessionDeliberee.Toutes(12m));
        using var _u = usine;

        var reponse = await candidat.Http.GetAsync(new Uri($"/candidat/resultats/{id}?handler=Releve", UriKind.Relative), TestContext.Current.CancellationToken);
        var pages = Pages(await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Single(pages);
        Assert.Contains("Décision du jury : Admis", pages[0], StringComparison.Ordinal);
        Assert.Contains("Moyenne générale : 12,00/20", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Attestation de réussite à des unités", pages[0], StringComparison.Ordinal);

        var autre = await SessionDeliberee.CandidatAsync(usine, "curieux@exemple.fr");
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync($"/candidat/resultats/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync($"/candidat/resultats/{id}?handler=Releve")).StatusCode);
        await autre.GetAsync("/candidat/resultats");
        Assert.DoesNotContain("Admis", autre.DernierePage, StringComparison.Ordinal);
        Assert.Equal(Decision.Admis, (await SessionDeliberee.ResultatAsync(usine, id)).Decision);
    }
}
