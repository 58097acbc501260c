using Examens.Cli.Tests.Outils;
using Examens.Core.Documents;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Cli.Tests.Commandes;

/// <summary>The command's face; what the purge removes is checked end to end in Examens.Web.Tests/DonneesPersonnelles/PurgerDonneesTests.</summary>
public sealed class PurgerTests
{
    public static TheoryData<string> Bases => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Purge_with_nothing_past_retention_says_so_and_a_dry_run_says_it_changes_nothing(string baseDeDonnees)
    {
        await using var baseDeTest = await BaseDeTest.CreerAsync(baseDeDonnees);
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", baseDeTest.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));

        var essai = new StringWriter();
        var erreurs = new StringWriter();
        Assert.True(await Application.ExecuterAsync(["purge", "--dry-run", baseDeTest.Chaine], TextReader.Null, essai, erreurs) == 0, erreurs.ToString());
        Assert.Equal(
            "Simulation (--dry-run) : rien n'est supprimé.\nAucune session dont la durée de conservation est écoulée : rien à supprimer." + Environment.NewLine,
            essai.ToString());

        var reel = new StringWriter();
        Assert.Equal(0, await Application.ExecuterAsync(["purge", baseDeTest.Chaine], TextReader.Null, reel, new StringWriter()));
        Assert.Equal("Aucune session dont la durée de conservation est écoulée : rien à supprimer." + Environment.NewLine, reel.ToString());
    }

    [Fact]
    public async Task An_unknown_purge_option_is_refused_with_the_help()
    {
        var erreurs = new StringWriter();
        Assert.Equal(2, await Application.ExecuterAsync(["purge", "--tout"], TextReader.Null, new StringWriter(), erreurs));
        Assert.Contains("examens purge [--dry-run] [CONNEXION]", erreurs.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BasesEtStockages => new()
    {
        { "sqlite", "dossier" }, { "sqlite", "base" }, { "postgres", "dossier" }, { "postgres", "base" },
    };

    [Theory]
    [MemberData(nameof(BasesEtStockages))]
    public async Task Purge_deletes_the_encrypted_documents_of_an_expired_session_without_needing_the_key(string baseDeDonnees, string stockage)
    {
        await using var b = await BaseDeTest.CreerAsync(baseDeDonnees);
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", b.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));
        var donnees = Directory.CreateTempSubdirectory("examens-purge-");
        var avant = Environment.GetEnvironmentVariable("Examens__Donnees");
        try
        {
            // A 2024 session (deliberated 5 July 2024, kept 12 months: past retention) with one registration and its
            // document, stored encrypted by the web host (whose key the command does not get) in the folder or the database.
            var services = new ServiceCollection().AddExamensPersistance(b.Chaine);
            await using var fournisseur = services.BuildServiceProvider();
            var cles = new ChiffrementDocuments(new CleDocuments("hote", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            IStockageDocuments documents = stockage == "base"
                ? new StockageDocumentsBase(fournisseur.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, cles)
                : new StockageDocumentsDossier(Path.Combine(donnees.FullName, "documents"), cles);
            var piece = await documents.EnregistrerAsync(new MemoryStream("pièce d'identité chiffrée"u8.ToArray()), TestContext.Current.CancellationToken);
            using (var portee = fournisseur.CreateScope())
            {
                var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
                var (_, inscriptions) = await SessionDeTest.CreerAsync(db, ("purge", SessionDeTest.Ms()));
                db.PiecesDeposees.Add(new PieceDeposee
                {
                    Id = Guid.NewGuid(), InscriptionId = inscriptions["purge"].Id, Piece = Examens.Domain.Pieces.PieceJustificative.D2, Empreinte = piece.Empreinte,
                    Type = TypeFichier.Pdf, Taille = piece.Taille, NomAffiche = "carte.pdf", DeposeeLeUtc = new DateTime(2023, 11, 1, 10, 0, 0, DateTimeKind.Utc),
                });
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            var fichier = Path.Combine(donnees.FullName, "documents", piece.Empreinte[..2], piece.Empreinte);
            Assert.Equal(stockage == "dossier", File.Exists(fichier));
            Environment.SetEnvironmentVariable("Examens__Donnees", donnees.FullName);

            var essai = new StringWriter();
            var erreurs = new StringWriter();
            Assert.True(await Application.ExecuterAsync(["purge", "--dry-run", b.Chaine], TextReader.Null, essai, erreurs) == 0, erreurs.ToString());
            Assert.Contains("Fichiers de documents à supprimer : 1.", essai.ToString(), StringComparison.Ordinal);
            Assert.True(await documents.ExisteAsync(piece.Empreinte, TestContext.Current.CancellationToken));

            var reel = new StringWriter();
            Assert.True(await Application.ExecuterAsync(["purge", b.Chaine], TextReader.Null, reel, erreurs) == 0, erreurs.ToString());
            Assert.Contains("1 inscription(s), 1 version(s), 1 pièce(s)", reel.ToString(), StringComparison.Ordinal);
            Assert.Contains("Fichiers de documents supprimés : 1.", reel.ToString(), StringComparison.Ordinal);
            Assert.False(await documents.ExisteAsync(piece.Empreinte, TestContext.Current.CancellationToken));
            Assert.False(File.Exists(fichier));
            using (var portee = fournisseur.CreateScope())
            {
                var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
                Assert.False(await db.ContenusDocuments.AnyAsync(TestContext.Current.CancellationToken));
                Assert.False(await db.PiecesDeposees.AnyAsync(TestContext.Current.CancellationToken));
            }

            Assert.False(File.Exists(Path.Combine(donnees.FullName, "cles-documents.txt")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Examens__Donnees", avant);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            donnees.Delete(true);
        }
    }
}
