using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Pages.Candidat;

public sealed class CorrectionIdentiteTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task After_the_first_submission_the_identity_is_locked_and_a_correction_is_a_request_with_a_proof(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "identite@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");

        // The locked fields are disabled, and a forged post does not change them.
        await client.GetAsync($"{inscription}/identite");
        Assert.Contains("Votre identité est verrouillée", client.DernierePage, StringComparison.Ordinal);
        await client.SoumettreAsync($"{inscription}/identite",
        [
            new("Saisie.Nom", "Autre"), new("Saisie.Prenoms", "Nom"), new("Saisie.DateNaissance", "01/01/1990"), new("Saisie.LieuNaissance", "Lyon"),
            new("Saisie.Adresse", "1 place Bellecour"), new("Saisie.CodePostal", "69002"), new("Saisie.Ville", "Lyon"), new("Saisie.Pays", "France"), new("aller", "identite"),
        ]);
        using (var portee = usine.Services.CreateScope())
        {
            var compte = portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Users.Single(u => u.Email == "identite@exemple.fr");
            Assert.Equal("Lefèvre-Çağlar", compte.Nom);
        }

        await client.GetAsync("/candidat/identite/correction");
        using var pdf = new PdfDocument();
        pdf.AddPage();
        using var flux = new MemoryStream();
        pdf.Save(flux);
        await client.GetAsync("/candidat/identite/correction");
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(ClientPortail.Jeton(client.DernierePage)), "__RequestVerificationToken" },
            { new StringContent("Lefèvre-Çağlar"), "Saisie.Nom" },
            { new StringContent("Élodie Marie Anne"), "Saisie.Prenoms" },
            { new StringContent("29/02/2000"), "Saisie.DateNaissance" },
            { new StringContent("Fort-de-France"), "Saisie.LieuNaissance" },
            { new StringContent("Il manque mon troisième prénom."), "Saisie.Explication" },
            { new ByteArrayContent(flux.ToArray()), "justificatif", "acte.pdf" },
        };
        var reponse = await client.Http.PostAsync(new Uri("/candidat/identite/correction", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        var page = System.Net.WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Votre demande de correction est envoyée", page, StringComparison.Ordinal);
        Assert.Contains("en attente", page, StringComparison.Ordinal);
        using var p2 = usine.Services.CreateScope();
        var demande = Assert.Single(p2.ServiceProvider.GetRequiredService<ExamensDbContext>().DemandesCorrectionIdentite);
        Assert.Equal(EtatDemandeCorrection.EnAttente, demande.Etat);
        Assert.Equal("Élodie Marie Anne", demande.Prenoms);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_empty_birth_date_in_a_correction_request_gets_one_message_and_nothing_is_stored(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "sansdate@exemple.fr");
        await client.GetAsync("/candidat/identite/correction");
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(ClientPortail.Jeton(client.DernierePage)), "__RequestVerificationToken" },
            { new StringContent("Martin"), "Saisie.Nom" },
            { new StringContent("Léa"), "Saisie.Prenoms" },
            { new StringContent(""), "Saisie.DateNaissance" },
            { new StringContent("Lyon"), "Saisie.LieuNaissance" },
            { new StringContent("Date oubliée."), "Saisie.Explication" },
            { new ByteArrayContent(ParcoursDossier.UnPdf("acte")), "justificatif", "acte.pdf" },
        };
        var reponse = await client.Http.PostAsync(new Uri("/candidat/identite/correction", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        var page = System.Net.WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // Before: the required message and "Cette date n'existe pas…" both, for one empty field.
        Assert.Contains("Une erreur empêche d'enregistrer", page, StringComparison.Ordinal);
        Assert.Contains("Indiquez la date de naissance exacte (jj/mm/aaaa).", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cette date n'existe pas", page, StringComparison.Ordinal);
        using var portee = usine.Services.CreateScope();
        Assert.Empty(portee.ServiceProvider.GetRequiredService<ExamensDbContext>().DemandesCorrectionIdentite);
    }
}
