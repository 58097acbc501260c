using Examens.Core.Documents;
using Examens.Core.Persistance;
using Examens.Web.Infrastructure;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Infrastructure;

/// <summary>Issue 7 item 1: no file is left without a reference for long — the background pass removes orphans after a grace period.</summary>
public sealed class TachesDeFondTests
{
    private static byte[] UnPdf(string texte)
    {
        using var document = new PdfDocument();
        document.Info.Title = texte;
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);
        return flux.ToArray();
    }

    private static async Task<string> DeposerAsync(UsineExamens usine, string courriel)
    {
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.DeposerAsync($"{inscription}/pieces", "D2", UnPdf("référencé"), "carte.pdf");
        using var portee = usine.Services.CreateScope();
        return await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().PiecesDeposees.Select(p => p.Empreinte).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task In_the_folder_store_an_old_file_without_reference_is_removed_a_young_one_and_referenced_ones_stay(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        var reference = await DeposerAsync(usine, "balayage@exemple.fr");
        var stockage = (StockageDocumentsDossier)usine.Services.GetRequiredService<IStockageDocuments>();
        var orphelin = (await stockage.EnregistrerAsync(new MemoryStream(UnPdf("orphelin")), TestContext.Current.CancellationToken)).Empreinte;
        var jeune = (await stockage.EnregistrerAsync(new MemoryStream(UnPdf("jeune")), TestContext.Current.CancellationToken)).Empreinte;
        // Files carry the real clock's time; the host runs on the fake clock: place them in the fake clock's past.
        var maintenant = usine.Horloge.GetUtcNow().UtcDateTime;
        var chemin = (string e) => Path.Combine(usine.Dossier, "documents", e[..2], e);
        File.SetLastWriteTimeUtc(chemin(reference), maintenant.AddDays(-3));
        File.SetLastWriteTimeUtc(chemin(orphelin), maintenant - BalayerOrphelins.Grace - TimeSpan.FromMinutes(1));
        File.SetLastWriteTimeUtc(chemin(jeune), maintenant - BalayerOrphelins.Grace + TimeSpan.FromMinutes(1));

        await usine.Services.GetRequiredService<TachesDeFond>().ExecuterUneFoisAsync(TestContext.Current.CancellationToken);

        Assert.False(await stockage.ExisteAsync(orphelin, TestContext.Current.CancellationToken));
        Assert.True(await stockage.ExisteAsync(jeune, TestContext.Current.CancellationToken));
        Assert.True(await stockage.ExisteAsync(reference, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task In_the_database_store_an_orphan_goes_after_the_grace_period_and_a_re_received_one_waits_again(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        usine.Reglages["Examens:Documents:Stockage"] = "base";
        var reference = await DeposerAsync(usine, "balayage-base@exemple.fr");
        var stockage = usine.Services.GetRequiredService<IStockageDocuments>();
        var orphelin = (await stockage.EnregistrerAsync(new MemoryStream(UnPdf("orphelin")), TestContext.Current.CancellationToken)).Empreinte;
        var octetsRevenu = UnPdf("revenu");
        var revenu = (await stockage.EnregistrerAsync(new MemoryStream(octetsRevenu), TestContext.Current.CancellationToken)).Empreinte;
        var taches = usine.Services.GetRequiredService<TachesDeFond>();

        usine.Horloge.Advance(BalayerOrphelins.Grace - TimeSpan.FromMinutes(1));
        await taches.ExecuterUneFoisAsync(TestContext.Current.CancellationToken);
        Assert.True(await stockage.ExisteAsync(orphelin, TestContext.Current.CancellationToken));
        await stockage.EnregistrerAsync(new MemoryStream(octetsRevenu), TestContext.Current.CancellationToken); // same bytes again: its age restarts

        usine.Horloge.Advance(TimeSpan.FromMinutes(2));
        await taches.ExecuterUneFoisAsync(TestContext.Current.CancellationToken);

        Assert.False(await stockage.ExisteAsync(orphelin, TestContext.Current.CancellationToken));
        Assert.True(await stockage.ExisteAsync(revenu, TestContext.Current.CancellationToken));
        Assert.True(await stockage.ExisteAsync(reference, TestContext.Current.CancellationToken));
    }
}
