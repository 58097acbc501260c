using Examens.Cli.Tests.Outils;

namespace Examens.Cli.Tests.Commandes;

public class BalayerDocumentsTests
{
    public static TheoryData<string> Bases => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Documents_sweep_removes_an_old_unreferenced_file_keeps_a_young_one_and_says_what_it_removed(string baseDeDonnees)
    {
        await using var b = await BaseDeTest.CreerAsync(baseDeDonnees);
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", b.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));
        var donnees = Directory.CreateTempSubdirectory("examens-balayage-");
        try
        {
            var stockage = new Examens.Core.Documents.StockageDocumentsDossier(Path.Combine(donnees.FullName, "documents"));
            var vieux = (await stockage.EnregistrerAsync(new MemoryStream("vieux"u8.ToArray()), TestContext.Current.CancellationToken)).Empreinte;
            var jeune = (await stockage.EnregistrerAsync(new MemoryStream("jeune"u8.ToArray()), TestContext.Current.CancellationToken)).Empreinte;
            File.SetLastWriteTimeUtc(Path.Combine(donnees.FullName, "documents", vieux[..2], vieux), TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2));

            var sortie = new StringWriter();
            Assert.Equal(0, await Application.ExecuterAsync(["documents", "sweep", donnees.FullName, b.Chaine], TextReader.Null, sortie, new StringWriter()));

            Assert.Contains($"supprimé : {vieux}", sortie.ToString(), StringComparison.Ordinal);
            Assert.Contains("1 document(s) sans référence supprimé(s).", sortie.ToString(), StringComparison.Ordinal);
            Assert.False(await stockage.ExisteAsync(vieux, TestContext.Current.CancellationToken));
            Assert.True(await stockage.ExisteAsync(jeune, TestContext.Current.CancellationToken));
        }
        finally
        {
            donnees.Delete(true);
        }
    }
}
