using System.Diagnostics.Metrics;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Pages.Candidat.Inscription;

public sealed class PiecesTests
{
    private static byte[] UnPdf()
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    private static int PiecesEnregistrees(UsineExamens usine)
    {
        using var portee = usine.Services.CreateScope();
        return portee.ServiceProvider.GetRequiredService<ExamensDbContext>().PiecesDeposees.Count();
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task D2_a_PDF_is_received_then_replaced_and_the_old_file_stays_in_the_history(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "pieces@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.DeposerAsync($"{inscription}/pieces", "D2", UnPdf(), "carte.pdf");
        Assert.Contains("D2 : fichier « carte.pdf » bien reçu.", client.DernierePage, StringComparison.Ordinal);
        await client.DeposerAsync($"{inscription}/pieces", "D2", [.. UnPdf(), .. "\n%autre\n"u8.ToArray()], "passeport.pdf");
        Assert.Contains("passeport.pdf", client.DernierePage, StringComparison.Ordinal);
        await client.GetAsync($"{inscription}/versions");
        Assert.Contains("« carte.pdf » (remplacé)", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(2, PiecesEnregistrees(usine));
    }

    [Theory]
    [InlineData("texte.pdf", "seuls ces formats sont acceptés", "sqlite")]
    [InlineData("texte.pdf", "seuls ces formats sont acceptés", "postgres")]
    [InlineData("vide.pdf", "choisissez un fichier non vide", "sqlite")]
    [InlineData("vide.pdf", "choisissez un fichier non vide", "postgres")]
    public async Task A_file_that_is_not_what_it_claims_or_is_empty_is_refused_and_nothing_is_stored(string nom, string attendu, string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "refus@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.DeposerAsync($"{inscription}/pieces", "D2", nom == "vide.pdf" ? [] : "bonjour, je suis un texte"u8.ToArray(), nom);
        Assert.Contains(attendu, client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(0, PiecesEnregistrees(usine));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_in_French(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "gros@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        var gros = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-1.4\n"u8.CopyTo(gros);
        await client.DeposerAsync($"{inscription}/pieces", "D2", gros, "gros.pdf");
        Assert.Contains("dépasse la taille maximale de 10 Mo", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(0, PiecesEnregistrees(usine));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P13_after_the_documents_deadline_uploads_are_refused(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "delai@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.GetAsync($"{inscription}/pieces");
        var page = client.DernierePage;
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 16, 0, 0, TimeSpan.Zero));
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(ClientPortail.Jeton(ClientPortail.Formulaire(page, $"{inscription}/pieces", $"{inscription}/pieces?handler=Deposer"))), "__RequestVerificationToken" },
            { new StringContent("D2"), "piece" },
            { new ByteArrayContent(UnPdf()), "fichier", "carte.pdf" },
        };
        var reponse = await client.Http.PostAsync(new Uri($"{inscription}/pieces?handler=Deposer", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        Assert.Contains("il est clos", System.Net.WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        Assert.Equal(0, PiecesEnregistrees(usine));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task With_the_database_store_a_file_comes_back_byte_for_byte(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:Documents:Stockage"] = "base";
        var client = await Parcours.CandidatConnecteAsync(usine, "base@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        var pdf = UnPdf();
        await client.DeposerAsync($"{inscription}/pieces", "D2", pdf, "carte.pdf");
        var lien = System.Text.RegularExpressions.Regex.Match(client.DernierePage, "href=\"([^\"]*handler=Telecharger[^\"]*)\"").Groups[1].Value;
        var reponse = await client.Http.GetAsync(new Uri(lien, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(pdf, await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition?.DispositionType);
        Assert.False(Directory.Exists(Path.Combine(usine.Dossier, "documents", "tmp")) && Directory.EnumerateFiles(Path.Combine(usine.Dossier, "documents"), "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Uploads_are_counted_by_outcome_and_the_accepted_sizes_measured(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var fabrique = usine.Services.GetRequiredService<IMeterFactory>();
        using var depots = new MetricCollector<long>(fabrique, "Examens", "examens.depots");
        using var tailles = new MetricCollector<long>(fabrique, "Examens", "examens.depot.taille");
        var client = await Parcours.CandidatConnecteAsync(usine, "mesures-pieces@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        var pdf = UnPdf();

        await client.DeposerAsync($"{inscription}/pieces", "D2", pdf, "carte.pdf");
        await client.DeposerAsync($"{inscription}/pieces", "D2", "bonjour, je suis un texte"u8.ToArray(), "texte.pdf");

        Assert.Equal(["accepte", "refuse"], depots.GetMeasurementSnapshot().Select(m => (string?)m.Tags["resultat"]));
        Assert.Equal(pdf.Length, Assert.Single(tailles.GetMeasurementSnapshot()).Value);
    }
}
