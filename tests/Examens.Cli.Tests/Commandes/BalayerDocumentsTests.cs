using Examens.Cli.Tests.Outils;
using Examens.Core.Documents;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Persistance;
using Microsoft.Extensions.DependencyInjection;

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
            var stockage = new StockageDocumentsDossier(Path.Combine(donnees.FullName, "documents"));
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

    private static ChiffrementDocuments Cles() =>
        new(new CleDocuments("essai", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Documents_sweep_of_an_encrypted_folder_store_removes_the_old_orphan_without_needing_the_key(string baseDeDonnees)
    {
        await using var b = await BaseDeTest.CreerAsync(baseDeDonnees);
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", b.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));
        var donnees = Directory.CreateTempSubdirectory("examens-balayage-");
        try
        {
            // What the web host writes: encrypted files (the key is the host's; the command is given none).
            var stockage = new StockageDocumentsDossier(Path.Combine(donnees.FullName, "documents"), Cles());
            var vieux = (await stockage.EnregistrerAsync(new MemoryStream("vieux document"u8.ToArray()), TestContext.Current.CancellationToken)).Empreinte;
            var jeune = (await stockage.EnregistrerAsync(new MemoryStream("jeune document"u8.ToArray()), TestContext.Current.CancellationToken)).Empreinte;
            var fichier = Path.Combine(donnees.FullName, "documents", vieux[..2], vieux);
            Assert.True(ChiffrementDocuments.EstChiffre(await File.ReadAllBytesAsync(fichier, TestContext.Current.CancellationToken)));
            File.SetLastWriteTimeUtc(fichier, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2));

            var sortie = new StringWriter();
            var erreurs = new StringWriter();
            Assert.True(await Application.ExecuterAsync(["documents", "sweep", donnees.FullName, b.Chaine], TextReader.Null, sortie, erreurs) == 0, erreurs.ToString());

            Assert.Contains($"supprimé : {vieux}", sortie.ToString(), StringComparison.Ordinal);
            Assert.Contains("1 document(s) sans référence supprimé(s).", sortie.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(fichier));
            Assert.True(await stockage.ExisteAsync(jeune, TestContext.Current.CancellationToken));
            // No key file was made in the data folder by the command.
            Assert.False(File.Exists(Path.Combine(donnees.FullName, "cles-documents.txt")));
        }
        finally
        {
            donnees.Delete(true);
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Documents_sweep_of_the_database_store_removes_the_old_orphan_without_needing_the_key(string baseDeDonnees)
    {
        await using var b = await BaseDeTest.CreerAsync(baseDeDonnees);
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", b.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));
        var services = new ServiceCollection();
        services.AddExamensPersistance(b.Chaine);
        await using var fournisseur = services.BuildServiceProvider();
        var portees = fournisseur.GetRequiredService<IServiceScopeFactory>();
        var stockage = new StockageDocumentsBase(portees, TimeProvider.System, Cles());
        var vieux = (await stockage.EnregistrerAsync(new MemoryStream("vieux document"u8.ToArray()), TestContext.Current.CancellationToken)).Empreinte;
        var jeune = (await stockage.EnregistrerAsync(new MemoryStream("jeune document"u8.ToArray()), TestContext.Current.CancellationToken)).Empreinte;
        using (var portee = portees.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var ligne = db.ContenusDocuments.Single(c => c.Empreinte == vieux);
            Assert.True(ChiffrementDocuments.EstChiffre(ligne.Contenu));
            ligne.EnregistreLeUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var sortie = new StringWriter();
        var erreurs = new StringWriter();
        Assert.True(await Application.ExecuterAsync(["documents", "sweep", "base", b.Chaine], TextReader.Null, sortie, erreurs) == 0, erreurs.ToString());

        Assert.Contains($"supprimé : {vieux}", sortie.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 document(s) sans référence supprimé(s).", sortie.ToString(), StringComparison.Ordinal);
        Assert.False(await stockage.ExisteAsync(vieux, TestContext.Current.CancellationToken));
        Assert.True(await stockage.ExisteAsync(jeune, TestContext.Current.CancellationToken));
    }
}
