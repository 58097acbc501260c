using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Pages.Candidat;

/// <summary>
/// The home page reads what it shows from columns kept at each save (it runs no engine): it must still say what the
/// engine says, at each step of a registration.
/// </summary>
public sealed class IndexTests
{
    private static int ErreursDuMoteur(UsineExamens usine, string inscription)
    {
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var id = Guid.Parse(inscription.Split('/').Last());
        var i = db.Inscriptions.Include(x => x.AcademieSession).ThenInclude(a => a.Session).Single(x => x.Id == id);
        var compte = db.Users.Single(u => u.Id == i.CandidatId);
        return portee.ServiceProvider.GetRequiredService<VerifierBrouillon>()
            .Verifier(compte, i.AcademieSession, SerialisationInscription.LireBrouillon(i.Brouillon), usine.Horloge.GetUtcNow()).Erreurs.Count;
    }

    private static byte[] UnPdf()
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_home_page_says_what_the_engine_says_at_each_step_of_a_registration(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "accueil@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);

        // A new draft: the identity (R68, from the account), the address, the speciality, the form… and D2 missing.
        await client.GetAsync("/candidat");
        var n = ErreursDuMoteur(usine, inscription);
        Assert.True(n > 1);
        Assert.Contains($"<li>{n} point(s) à corriger avant de soumettre.</li>", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Pièce D2 (Carte nationale d", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Brouillon, pas encore transmis", client.DernierePage, StringComparison.Ordinal);

        // Filled in: nothing to fix, still to submit.
        await Parcours.RemplirAsync(client, inscription);
        await client.GetAsync("/candidat");
        Assert.Equal(0, ErreursDuMoteur(usine, inscription));
        Assert.DoesNotContain("point(s) à corriger", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Soumettre l'inscription avant le", System.Net.WebUtility.HtmlDecode(client.DernierePage), StringComparison.Ordinal);

        // Submitted (P22): the version and its instant in local time; D2 still missing.
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await client.GetAsync("/candidat");
        Assert.Contains("Soumise : version 1 du mercredi 15 novembre 2023 à 16:00:00.", client.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Des modifications ne sont pas encore soumises", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains(") : manquante.</li>", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("/versions\">Mes reçus</a>", client.DernierePage, StringComparison.Ordinal);

        // D1 (the signed confirmation, paper mode), D2 and D6 (the MS attestations) uploaded: nothing left but the office's check.
        await client.DeposerAsync($"{inscription}/pieces", "D2", UnPdf(), "carte.pdf");
        await client.GetAsync("/candidat");
        Assert.DoesNotContain("Pièce D2", client.DernierePage, StringComparison.Ordinal);
        await client.DeposerAsync($"{inscription}/pieces", "D1", [.. UnPdf(), .. "\n%confirmation\n"u8.ToArray()], "confirmation.pdf");
        await client.DeposerAsync($"{inscription}/pieces", "D6", [.. UnPdf(), .. "\n%attestations\n"u8.ToArray()], "attestations.pdf");
        await client.GetAsync("/candidat");
        Assert.Contains("Rien : attendez la vérification de vos pièces", client.DernierePage, StringComparison.Ordinal);

        // A change saved after the submission, then submitted again.
        await client.SoumettreAsync($"{inscription}/examen",
            [new("Saisie.SpecialiteOption", "MS|B"), new("Saisie.Forme", "Globale"), new("Saisie.ConfirmeForme", "true"), new("Saisie.LangueObligatoire", "anglais"), new("aller", "recapitulatif")]);
        await client.GetAsync("/candidat");
        Assert.Contains("Des modifications ne sont pas encore soumises.", client.DernierePage, StringComparison.Ordinal);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await client.GetAsync("/candidat");
        Assert.Contains("Soumise : version 2", client.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Des modifications ne sont pas encore soumises", client.DernierePage, StringComparison.Ordinal);

        // After the close (P12) nothing is asked to be fixed or submitted any more; the close says "(passée)".
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 16, 0, 0, TimeSpan.Zero));
        await client.GetAsync("/candidat");
        Assert.DoesNotContain("point(s) à corriger", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("(passée)", client.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_registration_that_cannot_start_is_explained_at_the_top_of_the_home_page(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "accueil-erreur@exemple.fr");

        // The summary is drawn only when there is an error: none on a plain view.
        await client.GetAsync("/candidat");
        Assert.DoesNotContain("resume-erreurs", client.DernierePage, StringComparison.Ordinal);

        // R57: an academy that does not exist (a stale or edited form) is said in French, and nothing is started.
        var reponse = await client.SoumettreAsync("/candidat", [new("academieSessionId", "987654")], "Commencer");
        Assert.Equal(System.Net.HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("id=\"resume-erreurs\"", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Une erreur empêche d", System.Net.WebUtility.HtmlDecode(client.DernierePage), StringComparison.Ordinal);
        Assert.Contains("Cette académie ou cette session n", System.Net.WebUtility.HtmlDecode(client.DernierePage), StringComparison.Ordinal);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        Assert.False(await db.Inscriptions.AnyAsync(i => i.Candidat.Email == "accueil-erreur@exemple.fr", TestContext.Current.CancellationToken));
    }
}
