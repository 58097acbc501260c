using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Pages.Candidat;

public sealed class MesDonneesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static byte[] UnPdf(string marque)
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return [.. flux.ToArray(), .. Encoding.ASCII.GetBytes($"\n%{marque}\n")];
    }

    private static async Task<(ClientPortail Client, string Inscription, byte[] Pdf)> CandidatAvecDossierAsync(UsineExamens usine, string courriel, string marque)
    {
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        var pdf = UnPdf(marque);
        await client.DeposerAsync($"{inscription}/pieces", "D2", pdf, "carte.pdf");
        Assert.Contains("bien reçu", client.DernierePage, StringComparison.Ordinal);
        return (client, inscription, pdf);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_candidate_downloads_a_zip_of_everything_held_about_them_and_nothing_about_anyone_else(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (autre, _, _) = await CandidatAvecDossierAsync(usine, "autre.personne@exemple.fr", "marque-de-l-autre");
        var (client, inscription, pdf) = await CandidatAvecDossierAsync(usine, "moi@exemple.fr", "marque-a-moi");
        Assert.NotNull(autre);
        // An officer opens the document: the candidate sees that access, not who made it nor from where.
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent.siec@exemple.fr", Examens.Core.Comptes.RolesPersonnel.Gestionnaire, "SIEC");
        await agent.GetAsync($"/gestion/dossiers/{inscription.Split('/')[^1]}");
        var lien = System.Text.RegularExpressions.Regex.Match(agent.DernierePage, "href=\"(/gestion/dossiers/[^\"]*handler=Piece[^\"]*)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync(new Uri(WebUtility.HtmlDecode(lien), UriKind.Relative), Ct)).StatusCode);

        await client.GetAsync("/candidat");
        Assert.Contains("Télécharger toutes mes données", client.DernierePage, StringComparison.Ordinal);
        var reponse = await client.SoumettreAsync("/candidat/mes-donnees", []);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/zip", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition?.DispositionType);
        using var zip = new ZipArchive(new MemoryStream(await reponse.Content.ReadAsByteArrayAsync(Ct)), ZipArchiveMode.Read);
        var json = ContenuTexte(zip, "donnees.json");
        using var donnees = JsonDocument.Parse(json);
        var racine = donnees.RootElement;

        Assert.Equal("moi@exemple.fr", racine.GetProperty("compte").GetProperty("courriel").GetString());
        var inscriptions = racine.GetProperty("inscriptions");
        Assert.Equal(1, inscriptions.GetArrayLength());
        var i = inscriptions[0];
        Assert.Equal(inscription.Split('/')[^1], i.GetProperty("identifiant").GetString());
        Assert.Equal("Soumise", i.GetProperty("état").GetString());
        Assert.Equal("Lefèvre-Çağlar", racine.GetProperty("compte").GetProperty("nom").GetString());
        Assert.Equal("2000-02-29", racine.GetProperty("compte").GetProperty("dateNaissance").GetString());
        Assert.Contains("12 rue des Écoles", i.GetProperty("brouillon").GetRawText(), StringComparison.Ordinal); // as typed, readable UTF-8
        var version = i.GetProperty("versions")[0];
        Assert.Equal(1, version.GetProperty("numéro").GetInt32());
        Assert.Contains("Élodie Marie", version.GetProperty("contenu").GetRawText(), StringComparison.Ordinal);
        var piece = i.GetProperty("pièces")[0];
        Assert.Equal("D2", piece.GetProperty("pièce").GetString());
        Assert.Equal("carte.pdf", piece.GetProperty("nomDuFichierDéposé").GetString());
        var fichier = piece.GetProperty("fichier").GetString()!;
        Assert.StartsWith("documents/", fichier, StringComparison.Ordinal);
        Assert.Equal(pdf, Contenu(zip, fichier)); // decrypted, byte for byte
        var consultation = Assert.Single(racine.GetProperty("journal").EnumerateArray(), e => e.GetProperty("action").GetString() == "piece.consultee");
        Assert.Equal("service des examens", consultation.GetProperty("auteur").GetString());
        Assert.Equal(JsonValueKind.Null, consultation.GetProperty("adresse").ValueKind);
        Assert.DoesNotContain("agent.siec", json, StringComparison.Ordinal);

        // Nothing of the other candidate anywhere in the archive.
        foreach (var entree in zip.Entries)
        {
            var texte = Encoding.Latin1.GetString(Contenu(zip, entree.FullName));
            Assert.DoesNotContain("autre.personne", texte, StringComparison.Ordinal);
            Assert.DoesNotContain("marque-de-l-autre", texte, StringComparison.Ordinal);
        }

        Assert.Equal(2, zip.Entries.Count);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var trace = await db.Journal.SingleAsync(e => e.Action == "donnees.exportees", Ct);
        Assert.Equal("1 inscription(s), 1 document(s)", trace.Apres);
        Assert.Equal(AdresseDistante.Adresse.ToString(), trace.Adresse);
    }

    [Fact]
    public async Task Without_being_signed_in_the_export_sends_to_the_sign_in_page()
    {
        using var usine = UsineExamens.Pour(BasesDeDonnees.Sqlite);
        var client = usine.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var reponse = await client.GetAsync(new Uri("/candidat/mes-donnees", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/compte/connexion", reponse.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static byte[] Contenu(ZipArchive zip, string nom)
    {
        using var flux = zip.GetEntry(nom)!.Open();
        using var copie = new MemoryStream();
        flux.CopyTo(copie);
        return copie.ToArray();
    }

    private static string ContenuTexte(ZipArchive zip, string nom) => Encoding.UTF8.GetString(Contenu(zip, nom));
}
