using System.Text;
using System.Text.Json;
using Examens.Core.Catalogue;
using Examens.Core.Simulations;

namespace Examens.Core.Tests.Simulations;

public class SimulationInscriptionTests
{
    private static readonly SimulationInscription Simulation = new(ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut));

    private static string Exemple => File.ReadAllText(Path.Combine(Racine.Depot, "docs", "examples", "registration.json"));

    private static (ResultatSimulation Resultat, JsonElement Json) Simuler(string entree)
    {
        var r = Simulation.Executer(Encoding.UTF8.GetBytes(entree));
        return (r, JsonDocument.Parse(r.Json).RootElement.Clone());
    }

    private static string[] Codes(JsonElement json, string tableau = "errors") =>
        [.. json.GetProperty(tableau).EnumerateArray().Select(e => $"{e.GetProperty("rule").GetString()}:{e.GetProperty("code").GetString()}")];

    [Fact]
    public void The_contract_example_is_valid_with_its_documents_plan_and_notice()
    {
        var (r, json) = Simuler(Exemple);
        Assert.Equal(IssueSimulation.Valide, r.Issue);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(["R34:ARABIC_LITERAL_ONLY"], Codes(json, "notices"));
        Assert.Equal(["D1", "D2", "D3", "D6", "D11"], json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(4, json.GetProperty("documents")[3].GetProperty("items").GetArrayLength());
        var plan = json.GetProperty("plan").EnumerateArray().ToDictionary(p => p.GetProperty("unit").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("exempted", plan["U1"]);
        Assert.Equal("kept", plan["U31"]);
        Assert.Equal("sit", plan["U32"]);
        Assert.All(plan.Where(p => p.Key is not ("U1" or "U31")), p => Assert.Equal("sit", p.Value));
        Assert.DoesNotContain("U3", plan.Keys); // an épreuve that is not a unit (R18)
    }

    [Theory]
    [InlineData("2023-11-15T15:59:59Z", true)]       // 16:59:59 Paris
    [InlineData("2023-11-15T17:59:59+02:00", true)]  // the same instant written with another offset
    [InlineData("2023-11-15T16:00:00Z", false)]      // 17:00:00 Paris: late
    public void P12_16_59_59_is_in_time_and_17_00_00_is_late(string instant, bool valide)
    {
        var (_, json) = Simuler(Exemple.Replace("2023-11-15T15:59:59Z", instant, StringComparison.Ordinal));
        Assert.Equal(valide, json.GetProperty("valid").GetBoolean());
        if (!valide)
        {
            Assert.Equal(["P12:SUBMITTED_AFTER_CLOSING"], Codes(json));
            Assert.NotEmpty(json.GetProperty("plan").EnumerateArray()); // documents and plan still given
        }
    }

    [Fact]
    public void R57_a_Martinique_window_closes_at_17_00_local_time()
    {
        var martinique = Exemple.Replace("Europe/Paris", "America/Martinique", StringComparison.Ordinal);
        Assert.True(Simuler(martinique.Replace("2023-11-15T15:59:59Z", "2023-11-15T20:59:59Z", StringComparison.Ordinal)).Json.GetProperty("valid").GetBoolean());
        Assert.False(Simuler(martinique.Replace("2023-11-15T15:59:59Z", "2023-11-15T21:00:00Z", StringComparison.Ordinal)).Json.GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("\"timeZone\": \"Europe/Paris\"", "\"timeZone\": \"Europe/Parys\"", "P12:UNKNOWN_TIME_ZONE")]
    [InlineData("\"speciality\": \"MS\"", "\"speciality\": \"XX\"", "R1:UNKNOWN_SPECIALITY")]
    [InlineData("\"option\": \"A\"", "\"option\": \"E\"", "R1:UNKNOWN_OPTION")]
    [InlineData("\"mandatory\": \"anglais\"", "\"mandatory\": \"klingon\"", "R36:LANGUAGE_NOT_OFFERED")]
    [InlineData("\"unit\": \"U1\", \"diplomaLevel\": 5", "\"unit\": \"U4\", \"diplomaLevel\": 5", "R24:EXEMPTION_PROFESSIONAL_UNIT")]
    [InlineData("\"choice\": \"keep\"", "\"choice\": \"carry\"", "R16:CARRIED_GRADE_10_OR_MORE")]
    [InlineData("\"obtainedOn\": \"2022-07-01\"", "\"obtainedOn\": \"2019-07-04\"", "R14:PRIOR_GRADE_EXPIRED")]
    [InlineData("\"optionalUnits\": [\"UF1\"]", "\"optionalUnits\": [\"UF1\", \"UF9\"]", "R3:UNKNOWN_UNIT")]
    [InlineData("\"exStudent\": false", "\"exStudent\": \"non\"", "R10:WRONG_TYPE")]
    [InlineData("\"repeater\": false", "\"repeater\": false, \"repeter\": true", ":UNKNOWN_PROPERTY")]
    [InlineData("\"sessionYear\": 2024", "\"sessionYear\": 2024.5", "R56:INVALID_VALUE")]
    public void A_rule_or_shape_broken_is_named(string avant, string apres, string attendue)
    {
        var (r, json) = Simuler(Exemple.Replace(avant, apres, StringComparison.Ordinal));
        Assert.Equal(IssueSimulation.Invalide, r.Issue);
        Assert.Contains(attendue, Codes(json));
        Assert.False(json.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void R10_an_ex_scolaire_cannot_register_in_the_progressive_form()
    {
        var entree = Exemple.Replace("\"form\": \"global\"", "\"form\": \"progressive\"", StringComparison.Ordinal)
            .Replace("\"exStudent\": false", "\"exStudent\": true", StringComparison.Ordinal)
            .Replace("\"unitsToSit\": []", "\"unitsToSit\": [\"U32\"]", StringComparison.Ordinal);
        var (_, json) = Simuler(entree);
        Assert.Equal(["R10:GLOBAL_FORM_REQUIRED"], Codes(json));
    }

    [Fact]
    public void P16_a_progressive_registration_lists_the_units_not_sat_this_session()
    {
        var entree = Exemple.Replace("\"form\": \"global\"", "\"form\": \"progressive\"", StringComparison.Ordinal)
            .Replace("\"status\": \"individual\"", "\"status\": \"distance-learning\"", StringComparison.Ordinal)
            .Replace("\"unitsToSit\": []", "\"unitsToSit\": [\"U32\", \"U4\"]", StringComparison.Ordinal);
        var (_, json) = Simuler(entree);
        Assert.True(json.GetProperty("valid").GetBoolean());
        var plan = json.GetProperty("plan").EnumerateArray().ToDictionary(p => p.GetProperty("unit").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("sit", plan["U32"]);
        Assert.Equal("sit", plan["U4"]);
        Assert.Equal("not-this-session", plan["U2"]);
        Assert.Equal("kept", plan["U31"]);
    }

    [Fact]
    public void D5_a_building_speciality_asks_for_the_R408_attestation()
    {
        var entree = Exemple.Replace("\"speciality\": \"MS\"", "\"speciality\": \"BAT\"", StringComparison.Ordinal)
            .Replace("\"option\": \"A\",", "", StringComparison.Ordinal)
            .Replace("\"unit\": \"U31\"", "\"unit\": \"U5\"", StringComparison.Ordinal)
            .Replace("[\"arabe\"]", "[\"espagnol\"]", StringComparison.Ordinal);
        var (_, json) = Simuler(entree);
        Assert.True(json.GetProperty("valid").GetBoolean(), json.GetRawText());
        Assert.Equal(["D1", "D2", "D3", "D5", "D11"], json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("SCBH")]
    [InlineData("FAB")]
    [InlineData("MEC")]
    public void R1_R33_an_optional_language_in_a_speciality_whose_optional_units_are_unknown_is_left_to_the_office(string specialite)
    {
        // These catalogues list no optional language unit because their exam rules were not found (R1), not because
        // the speciality offers none: the check says so and does not refuse the registration.
        var entree = $$"""
            {"submittedAt":"2023-11-15T15:59:59Z","window":{"opensAt":"2023-10-10T14:00:00","closesAt":"2023-11-15T17:00:00","timeZone":"Europe/Paris"},
             "sessionYear":2024,"referenceDate":"2024-07-05","speciality":"{{specialite}}","form":"global",
             "candidate":{"status":"individual","exStudent":false,"exApprentice":false,"repeater":false,"adaptedTraining":false,"professionalisationContractBroken":false,"previousForm":null},
             "languages":{"mandatory":"anglais","optional":["arabe"]},"priorGrades":[],"exemptions":[],"optionalUnits":[],"unitsToSit":[]}
            """;
        var (r, json) = Simuler(entree);
        Assert.Equal(IssueSimulation.Valide, r.Issue);
        Assert.Empty(Codes(json));
        Assert.Contains("R33:OPTIONAL_LANGUAGE_UNIT_NOT_IN_CATALOGUE", Codes(json, "notices"));
        Assert.Contains("R34:ARABIC_LITERAL_ONLY", Codes(json, "notices"));
        Assert.Equal(["D1", "D2", "D5"], json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("[]", false)]
    [InlineData("[\"U41\"]", true)]
    public void P16_a_progressive_candidate_names_a_unit_even_where_the_catalogue_knows_none(string aPasser, bool valide)
    {
        // FAB's units are not in the catalogue (R1): the units the candidate names are all the check can count.
        var entree = $$"""
            {"submittedAt":"2023-11-15T15:59:59Z","window":{"opensAt":"2023-10-10T14:00:00","closesAt":"2023-11-15T17:00:00","timeZone":"Europe/Paris"},
             "sessionYear":2024,"referenceDate":"2024-07-05","speciality":"FAB","form":"progressive",
             "candidate":{"status":"continuing-education","exStudent":false,"exApprentice":false,"repeater":false,"adaptedTraining":false,"professionalisationContractBroken":false,"previousForm":null},
             "languages":{"mandatory":"anglais","optional":[]},"priorGrades":[],"exemptions":[],"optionalUnits":[],"unitsToSit":{{aPasser}}}
            """;
        var (_, json) = Simuler(entree);
        Assert.Equal(valide, json.GetProperty("valid").GetBoolean());
        Assert.Equal(valide ? [] : ["P16:NO_UNIT_TO_SIT"], Codes(json));
        if (valide)
        {
            Assert.Contains("R3:UNIT_NOT_IN_CATALOGUE", Codes(json, "notices"));
        }
    }

    [Theory]
    [InlineData("\"Europe/Paris\"", "\"Europe/Pariss\"", "P12:UNKNOWN_TIME_ZONE")]
    [InlineData("\"2023-11-15T15:59:59Z\"", "\"2023-11-15T15:59:59\"", "P12:INVALID_INSTANT")]
    [InlineData("\"opensAt\": \"2023-10-10T14:00:00\"", "\"opensAt\": \"2023-11-16T14:00:00\"", "P12:WINDOW_INVALID")]
    public void P12_a_window_or_instant_that_cannot_be_read_still_gives_the_documents_and_the_plan(string remplace, string par, string attendue)
    {
        // simulation-api.md: "documents and plan are given even then, for what could be derived".
        var (_, reference) = Simuler(Exemple);
        var (r, json) = Simuler(Exemple.Replace(remplace, par, StringComparison.Ordinal));
        Assert.Equal(IssueSimulation.Invalide, r.Issue);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal([attendue], Codes(json));
        Assert.Equal(reference.GetProperty("documents").GetRawText(), json.GetProperty("documents").GetRawText());
        Assert.Equal(reference.GetProperty("plan").GetRawText(), json.GetProperty("plan").GetRawText());
    }

    [Fact]
    public void A_misspelt_property_next_to_the_window_is_an_error_of_shape_like_any_other()
    {
        var (_, json) = Simuler(Exemple.Replace("\"window\":", "\"windowX\": 1, \"window\":", StringComparison.Ordinal));
        Assert.Equal([":UNKNOWN_PROPERTY"], Codes(json));
        Assert.Empty(json.GetProperty("documents").EnumerateArray());
    }
}
