namespace Examens.Cli.Tests.Commandes;

public class ValiderCatalogueTests
{
    [Fact]
    public async Task The_shipped_catalogue_is_valid_and_its_incomplete_specialities_are_shown()
    {
        var sortie = new StringWriter();
        var code = await Application.ExecuterAsync(["catalogue", "validate"], TextReader.Null, sortie, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("Catalogue valide : 14 spécialité(s).", sortie.ToString(), StringComparison.Ordinal);
        Assert.Contains("SCBH  INCOMPLET", sortie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_catalogue_exits_2_naming_the_file_and_the_place()
    {
        var dossier = Directory.CreateTempSubdirectory("catalogue-");
        try
        {
            var session = Directory.CreateDirectory(Path.Combine(dossier.FullName, "2024"));
            File.WriteAllText(Path.Combine(session.FullName, "TP.json"), """{ "speciality": "TP", "session": 2023 }""");
            var erreurs = new StringWriter();
            var code = await Application.ExecuterAsync(["catalogue", "validate", dossier.FullName], TextReader.Null, new StringWriter(), erreurs);
            Assert.Equal(2, code);
            Assert.Contains($"{Path.Combine("2024", "TP.json")}, session :", erreurs.ToString(), StringComparison.Ordinal);
            Assert.Contains($"{Path.Combine("2024", "TP.json")}, units :", erreurs.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            dossier.Delete(true);
        }
    }
}
