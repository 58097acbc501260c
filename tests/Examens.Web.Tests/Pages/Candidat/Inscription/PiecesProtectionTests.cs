using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Pages.Candidat.Inscription;

/// <summary>Issue 7, item 3, through the portal: encryption at rest in both stores, ClamAV, hostile files, safe downloads.</summary>
public sealed class PiecesProtectionTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static byte[] UnPdf(string marque = "")
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return [.. flux.ToArray(), .. Encoding.ASCII.GetBytes($"\n%{marque}\n")];
    }

    public static TheoryData<string, string> BasesEtStockages() => new()
    {
        { BasesDeDonnees.Sqlite, "dossier" },
        { BasesDeDonnees.Sqlite, "base" },
        { BasesDeDonnees.Postgres, "dossier" },
        { BasesDeDonnees.Postgres, "base" },
    };

    private static async Task<(ClientPortail Client, string Inscription)> InscriptionRemplieAsync(UsineExamens usine, string courriel)
    {
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        return (client, inscription);
    }

    private static int PiecesEnregistrees(UsineExamens usine)
    {
        using var portee = usine.Services.CreateScope();
        return portee.ServiceProvider.GetRequiredService<ExamensDbContext>().PiecesDeposees.Count();
    }

    /// <summary>The stored bytes of the only document, read where the store keeps them; and a way to overwrite them.</summary>
    private static async Task<(byte[] Octets, Func<byte[], Task> Remplacer)> StockeAsync(UsineExamens usine, string stockage)
    {
        if (stockage == "dossier")
        {
            var fichier = Directory.GetFiles(Path.Combine(usine.Dossier, "documents"), "*", SearchOption.AllDirectories)
                .Single(f => !f.StartsWith(Path.Combine(usine.Dossier, "documents", "tmp"), StringComparison.Ordinal));
            return (await File.ReadAllBytesAsync(fichier, Ct), o => File.WriteAllBytesAsync(fichier, o, Ct));
        }

        using var portee = usine.Services.CreateScope();
        var contenu = await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().ContenusDocuments.SingleAsync(Ct);
        return (contenu.Contenu, async o =>
        {
            using var p = usine.Services.CreateScope();
            await p.ServiceProvider.GetRequiredService<ExamensDbContext>().ContenusDocuments.ExecuteUpdateAsync(s => s.SetProperty(c => c.Contenu, o), Ct);
        });
    }

    [Theory]
    [MemberData(nameof(BasesEtStockages))]
    public async Task A_document_is_encrypted_at_rest_comes_back_whole_and_a_tampered_one_gives_a_clear_error(string baseDeDonnees, string stockage)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:Documents:Stockage"] = stockage;
        var (client, inscription) = await InscriptionRemplieAsync(usine, "chiffre@exemple.fr");
        var pdf = UnPdf("Lefèvre-Çağlar, né le 29/02/2000");
        await client.DeposerAsync($"{inscription}/pieces", "D2", pdf, "carte.pdf");
        Assert.Contains("D2 : fichier « carte.pdf » bien reçu.", client.DernierePage, StringComparison.Ordinal);

        var (stocke, remplacer) = await StockeAsync(usine, stockage);
        Assert.True(ChiffrementDocuments.EstChiffre(stocke));
        Assert.DoesNotContain("%PDF", Encoding.Latin1.GetString(stocke), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(usine.Dossier, ClesDocumentsConfigurees.NomFichierParDefaut))); // the key, outside the database

        var lien = Regex.Match(client.DernierePage, "href=\"([^\"]*handler=Telecharger[^\"]*)\"").Groups[1].Value;
        var reponse = await client.Http.GetAsync(new Uri(lien, UriKind.Relative), Ct);
        Assert.Equal(pdf, await reponse.Content.ReadAsByteArrayAsync(Ct));

        stocke[stocke.Length / 2] ^= 0x40;
        await remplacer(stocke);
        var altere = await client.GetAsync(lien);
        Assert.Equal(HttpStatusCode.InternalServerError, altere.StatusCode);
        Assert.Equal("text/html", altere.Content.Headers.ContentType?.MediaType);
        Assert.Contains("D2 : Ce document stocké a été altéré (contrôle d'intégrité en échec) : il n'est pas rendu.", client.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("%PDF", client.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Downloads_are_attachments_with_a_safe_name_and_nosniff_whatever_the_uploaded_name(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (client, inscription) = await InscriptionRemplieAsync(usine, "nom@exemple.fr");
        await client.GetAsync($"{inscription}/pieces");
        var fichier = new ByteArrayContent(UnPdf());
        // A browser sends any name it likes; filename* carries what a plain header value cannot.
        fichier.Headers.ContentDisposition = new("form-data") { Name = "\"fichier\"", FileNameStar = "..\\..\\secret/\u202Egnp.pdf\".html" };
        using var formulaire = new MultipartFormDataContent
        {
            { new StringContent(ClientPortail.Jeton(client.DernierePage)), "__RequestVerificationToken" },
            { new StringContent("D2"), "piece" },
            fichier,
        };
        await client.Http.PostAsync(new Uri($"{inscription}/pieces?handler=Deposer", UriKind.Relative), formulaire, Ct);
        await client.GetAsync($"{inscription}/pieces");
        Assert.Contains("gnp.pdf\".html", client.DernierePage, StringComparison.Ordinal);

        var lien = Regex.Match(client.DernierePage, "href=\"([^\"]*handler=Telecharger[^\"]*)\"").Groups[1].Value;
        var reponse = await client.Http.GetAsync(new Uri(lien, UriKind.Relative), Ct);
        var disposition = reponse.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("gnp.pdf\".html", disposition.FileNameStar); // no path, no bidi override; quoted safely by the header encoder
        Assert.Equal("nosniff", reponse.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);

        // The name on disk is the content's SHA-256, never the uploaded name.
        var fichiers = Directory.GetFiles(Path.Combine(usine.Dossier, "documents"), "*", SearchOption.AllDirectories);
        Assert.All(fichiers, f => Assert.Matches("^[0-9a-f]{64}$", Path.GetFileName(f)));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_pdf_with_javascript_is_refused_with_a_french_message_and_nothing_is_stored(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (client, inscription) = await InscriptionRemplieAsync(usine, "js@exemple.fr");
        var pdf = Encoding.Latin1.GetBytes(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>\nendobj\n" +
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n" +
            "trailer\n<< /Root 1 0 R >>\n%%EOF\n");

        await client.DeposerAsync($"{inscription}/pieces", "D2", pdf, "piege.pdf");

        Assert.Contains("D2 : Ce PDF contient du JavaScript, refusé pour des raisons de sécurité.", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(0, PiecesEnregistrees(usine));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task With_clamd_configured_an_infected_file_is_refused_a_clean_one_accepted_and_clamd_down_means_retry(string baseDeDonnees)
    {
        await using var clamd = new ClamdDeTest();
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:Antivirus:Clamd"] = clamd.Adresse;
        var (client, inscription) = await InscriptionRemplieAsync(usine, "virus@exemple.fr");

        await client.DeposerAsync($"{inscription}/pieces", "D2", UnPdf(ClamdDeTest.Eicar), "virus.pdf");
        Assert.Contains("D2 : L'antivirus a détecté un logiciel malveillant dans ce fichier (Eicar-Test-Signature) : il est refusé.", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(0, PiecesEnregistrees(usine));

        await client.DeposerAsync($"{inscription}/pieces", "D2", UnPdf(), "sain.pdf");
        Assert.Contains("D2 : fichier « sain.pdf » bien reçu.", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(2, clamd.Analyses);
        Assert.Equal(1, PiecesEnregistrees(usine));

        using var sansClamd = UsineExamens.Pour(baseDeDonnees);
        sansClamd.Reglages["Examens:Antivirus:Clamd"] = ClamdDeTest.AdresseFermee();
        var (autre, autreInscription) = await InscriptionRemplieAsync(sansClamd, "panne@exemple.fr");
        await autre.DeposerAsync($"{autreInscription}/pieces", "D2", UnPdf(), "sain.pdf");
        Assert.Contains("D2 : L'analyse antivirus des fichiers est momentanément indisponible : votre fichier n'a pas été enregistré. Réessayez dans quelques minutes.", autre.DernierePage, StringComparison.Ordinal);
        Assert.Equal(0, PiecesEnregistrees(sansClamd));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_png_claiming_100000_by_100000_pixels_is_refused_before_any_decoding(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (client, inscription) = await InscriptionRemplieAsync(usine, "bombe@exemple.fr");
        // Only the 8-byte signature and the IHDR chunk: the header is all the check reads.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0, 8, 2, 0, 0, 0, 0, 0, 0, 0];

        await client.DeposerAsync($"{inscription}/pieces", "D2", png, "bombe.png");

        Assert.Contains("D2 : Cette image est trop grande : 100\u202F000 × 100\u202F000 pixels", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(0, PiecesEnregistrees(usine));
    }

    [Fact]
    public async Task A_request_far_over_the_limit_is_stopped_by_the_form_limit_with_a_french_page()
    {
        using var usine = UsineExamens.Pour(BasesDeDonnees.Sqlite);
        usine.Reglages["Examens:Pieces:TailleMaximale"] = "1048576";
        var (client, inscription) = await InscriptionRemplieAsync(usine, "enorme@exemple.fr");

        var reponse = await client.DeposerAsync($"{inscription}/pieces", "D2", new byte[4 * 1024 * 1024], "enorme.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reponse.StatusCode);
        Assert.Contains("Fichier trop volumineux", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(0, PiecesEnregistrees(usine));
    }
}
