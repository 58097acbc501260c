using System.Text;
using Examens.Core.Documents;
using Examens.Core.Documents.Antivirus;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;

namespace Examens.Core.Tests.Documents.Antivirus;

public sealed class StockageAnalyseTests : IDisposable
{
    private readonly DossierTemporaire _dossier = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dossier.Dispose();

    private async Task<FichierRecu> Recevoir(string clamd, byte[] octets)
    {
        var stockage = new StockageAnalyse(new StockageDocumentsDossier(_dossier.Chemin), new ClientClamd(clamd, TimeSpan.FromSeconds(10)));
        using var source = new MemoryStream(octets);
        return await ReceptionFichier.RecevoirAsync(source, stockage, new OptionsPieces(), _ct);
    }

    private int FichiersStockes() => Directory.GetFiles(_dossier.Chemin, "*", SearchOption.AllDirectories).Count(f => !f.StartsWith(Path.Combine(_dossier.Chemin, "tmp"), StringComparison.Ordinal));

    [Fact]
    public async Task A_clean_file_is_scanned_whole_then_stored()
    {
        await using var clamd = new ClamdDeTest();
        var pdf = PdfDeTest.Blanc();
        var recu = await Recevoir(clamd.Adresse, pdf);

        Assert.True(recu.Accepte, recu.Erreur);
        Assert.Equal(1, clamd.Analyses);
        Assert.Equal(1, FichiersStockes());
    }

    [Fact]
    public async Task A_file_clamd_finds_infected_is_refused_in_french_and_not_stored()
    {
        await using var clamd = new ClamdDeTest();
        // A real PDF carrying the EICAR test string in a comment: it passes the content checks, only the antivirus stops it.
        var pdf = PdfDeTest.Brut("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "%" + ClamdDeTest.Eicar + "\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        Assert.Contains(ClamdDeTest.Eicar, Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);

        var recu = await Recevoir(clamd.Adresse, pdf);

        Assert.False(recu.Accepte);
        Assert.Equal(
            "L'antivirus a détecté un logiciel malveillant dans ce fichier (Eicar-Test-Signature) : il est refusé. Analysez votre ordinateur, puis déposez une copie saine du document.",
            recu.Erreur);
        Assert.Equal(0, FichiersStockes());
    }

    [Fact]
    public async Task When_clamd_cannot_be_reached_the_file_is_refused_with_retry_advice()
    {
        var recu = await Recevoir(ClamdDeTest.AdresseFermee(), PdfDeTest.Blanc());

        Assert.False(recu.Accepte);
        Assert.Equal(StockageAnalyse.MessageIndisponible, recu.Erreur);
        Assert.Contains("Réessayez", recu.Erreur, StringComparison.Ordinal);
        Assert.Equal(0, FichiersStockes());
    }
}
