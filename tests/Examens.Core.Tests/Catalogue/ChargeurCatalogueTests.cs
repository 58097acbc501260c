using System.Text;
using Examens.Core.Catalogue;

namespace Examens.Core.Tests.Catalogue;

public class ChargeurCatalogueTests
{
    [Fact]
    public void The_shipped_catalogue_loads_every_speciality_of_the_contract()
    {
        var catalogue = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut);
        string[] codes = ["MCO", "NDRC", "SIO", "CG", "GPME", "MS", "FED", "TP", "BAT", "SCBH", "AMCR", "FAB", "MEC", "EBCR"];
        Assert.All(codes, c => Assert.True(catalogue.Trouver(c, 2024).Exacte, c));
    }

    [Fact]
    public void R4_R18_Batiment_2024_has_the_units_and_coefficients_of_its_reglement()
    {
        // Arrêté du 23 juin 2011, annexe II c: total 28; E3, E4, E6 are épreuves whose sub-units are the units.
        var bat = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut).Trouver("BAT", 2024).Specialite!;
        var obligatoires = bat.UnitesObligatoires(null).ToList();
        Assert.Equal(["U1", "U2", "U31", "U32", "U41", "U42", "U5", "U61", "U62"], obligatoires.Select(u => u.Id));
        Assert.Equal(28m, obligatoires.Sum(u => u.Coefficient));
        Assert.Equal(["D5"], bat.Pieces);
        // R72: the arrêté of 3 June 2022 makes E4, E5, E6 professional.
        Assert.Equal(["U41", "U42", "U5", "U61", "U62"], obligatoires.Where(u => u.Professionnelle == true).Select(u => u.Id));
    }

    [Fact]
    public void R25_P18_only_culture_generale_is_exemptable_and_never_a_professional_unit()
    {
        var catalogue = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut);
        var dispensables = catalogue.Specialites.SelectMany(s => s.Unites.Where(u => u.Dispensable)).ToList();
        Assert.NotEmpty(dispensables);
        Assert.All(dispensables, u => Assert.StartsWith("Culture générale", u.Nom, StringComparison.Ordinal));
        Assert.All(dispensables, u => Assert.NotEqual(true, u.Professionnelle));
    }

    [Fact]
    public void A_speciality_whose_reglement_is_unknown_is_present_and_marked_incomplete()
    {
        var scbh = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut).Trouver("SCBH", 2024).Specialite!;
        Assert.False(scbh.Complete);
        Assert.False(string.IsNullOrWhiteSpace(scbh.NoteIncomplete));
    }

    [Fact]
    public void An_unconfirmed_value_is_flagged_in_the_data()
    {
        var mco = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut).Trouver("MCO", 2024).Specialite!;
        Assert.Contains("coefficient", mco.Trouver("U6")!.NonConfirme);
    }

    [Fact]
    public void A_bad_file_is_rejected_naming_the_file_the_place_and_what_is_wrong()
    {
        var json = new System.Text.RegularExpressions.Regex("\"coefficient\": 2,")
            .Replace(File.ReadAllText(Path.Combine(ChargeurCatalogue.DossierParDefaut, "2024", "BAT.json")), "\"coefficent\": 2,", 1);
        var (specialite, problemes) = ChargeurCatalogue.LireFichier("2024/BAT.json", Encoding.UTF8.GetBytes(json));
        Assert.Null(specialite);
        var p = Assert.Single(problemes, p => p.Message.Contains("coefficent", StringComparison.Ordinal));
        Assert.Equal("2024/BAT.json", p.Fichier);
        Assert.Matches(@"^units\[\d+\]\.coefficent$", p.Chemin);
        Assert.Contains("Propriété inconnue", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R4_sub_unit_coefficients_that_do_not_add_up_are_rejected()
    {
        var json = File.ReadAllText(Path.Combine(ChargeurCatalogue.DossierParDefaut, "2024", "BAT.json"));
        var index = json.IndexOf("\"id\": \"U62\"", StringComparison.Ordinal);
        var coef = json.IndexOf("\"coefficient\": 4", index, StringComparison.Ordinal);
        json = string.Concat(json.AsSpan(0, coef), "\"coefficient\": 5", json.AsSpan(coef + "\"coefficient\": 4".Length));
        var (_, problemes) = ChargeurCatalogue.LireFichier("2024/BAT.json", Encoding.UTF8.GetBytes(json));
        Assert.Contains(problemes, p => p.Message.Contains("ne font pas celui de l'épreuve", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_without_a_source_is_rejected()
    {
        var json = File.ReadAllText(Path.Combine(ChargeurCatalogue.DossierParDefaut, "2024", "BAT.json"))
            .Replace("\"exemptable\": \"R25\"", "\"form\": \"R25\"", StringComparison.Ordinal);
        var (_, problemes) = ChargeurCatalogue.LireFichier("2024/BAT.json", Encoding.UTF8.GetBytes(json));
        Assert.Contains(problemes, p => p.Message.Contains("« exemptable » n'a pas de source", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_with_a_broken_file_fails_the_whole_load()
    {
        var dossier = Directory.CreateTempSubdirectory("catalogue-");
        try
        {
            var session = Directory.CreateDirectory(Path.Combine(dossier.FullName, "2024"));
            File.Copy(Path.Combine(ChargeurCatalogue.DossierParDefaut, "2024", "MS.json"), Path.Combine(session.FullName, "MS.json"));
            File.WriteAllText(Path.Combine(session.FullName, "TP.json"), "{ pas du json");
            var e = Assert.Throws<CatalogueInvalideException>(() => ChargeurCatalogue.Charger(dossier.FullName));
            var p = Assert.Single(e.Problemes);
            Assert.Equal(Path.Combine("2024", "TP.json"), p.Fichier);
            Assert.Contains("illisible", p.Message, StringComparison.Ordinal);
        }
        finally
        {
            dossier.Delete(true);
        }
    }
}
