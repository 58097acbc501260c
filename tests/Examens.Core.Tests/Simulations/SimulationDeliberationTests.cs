using System.Text;
using System.Text.Json;
using Examens.Core.Simulations;

namespace Examens.Core.Tests.Simulations;

public class SimulationDeliberationTests
{
    internal static string ExempleDuContrat => File.ReadAllText(Path.Combine(Racine.Depot, "docs", "examples", "deliberation.json"));

    private static (ResultatSimulation Resultat, JsonElement Json) Simuler(string entree)
    {
        var r = SimulationDeliberation.Executer(Encoding.UTF8.GetBytes(entree));
        return (r, JsonDocument.Parse(r.Json).RootElement.Clone());
    }

    [Fact]
    public void The_contract_example_gives_the_contract_output()
    {
        var (r, json) = Simuler(ExempleDuContrat);
        Assert.Equal(IssueSimulation.Valide, r.Issue);
        Assert.Equal("deferred", json.GetProperty("decision").GetString());
        Assert.Equal(9.3056m, json.GetProperty("average").GetDecimal());
        Assert.Equal(163.5m, json.GetProperty("points").GetDecimal());
        Assert.Equal(18m, json.GetProperty("coefficients").GetDecimal());
        Assert.Equal(4m, json.GetProperty("optionalBonus").GetDecimal());
        Assert.True(json.GetProperty("controlEligible").GetBoolean());
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
        var attendu = new[]
        {
            ("U1", "sat", "12.5", true, true, "2029-07-05"),
            ("U2", "absent-justified", "0", true, false, null),
            ("U3", "exempted", null, false, false, null),
            ("U4", "kept", "13", true, true, "2026-07-02"),
            ("U5", "carried", "7", true, false, "2027-07-01"),
            ("U6", "sat", "9", true, false, "2029-07-05"),
            ("UF1", "sat", "14", true, true, "2029-07-05"),
        };
        var unites = json.GetProperty("units").EnumerateArray().Select(u => (
            u.GetProperty("id").GetString()!,
            u.GetProperty("status").GetString()!,
            u.GetProperty("grade").ValueKind == JsonValueKind.Null ? null : u.GetProperty("grade").GetRawText(),
            u.GetProperty("counted").GetBoolean(),
            u.GetProperty("acquired").GetBoolean(),
            u.GetProperty("validUntil").GetString())).ToArray();
        Assert.Equal(attendu, unites);
    }

    [Fact]
    public void A_file_that_starts_with_a_byte_order_mark_is_read_like_one_without()
    {
        var sansMarque = Encoding.UTF8.GetBytes(ExempleDuContrat);
        var avecMarque = (byte[])[0xEF, 0xBB, 0xBF, .. sansMarque];
        var r = SimulationDeliberation.Executer(avecMarque);
        Assert.Equal(IssueSimulation.Valide, r.Issue);
        Assert.Equal(SimulationDeliberation.Executer(sansMarque).Json, r.Json);
    }

    [Theory]
    [InlineData("{ \"form\": ", "s'arrête avant sa fin")]
    [InlineData("{ \"units\": [", "s'arrête avant sa fin")]
    [InlineData("", "est vide")]
    [InlineData("{ \"form\": \"global\", }", "n'est pas du JSON valide")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]", "imbriqué sur plus de")]
    public void JSON_that_does_not_parse_is_told_in_French_for_what_it_is(string entree, string attendu)
    {
        var (r, json) = Simuler(entree);
        Assert.Equal(400, r.StatutHttp);
        Assert.Contains(attendu, json.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_given_twice_is_refused_instead_of_the_last_one_winning()
    {
        // The kept grade 9 (R15) would otherwise hide behind the 12 written after it.
        var (r, json) = Simuler(ExempleDuContrat.Replace("\"kept\": { \"grade\": 13,", "\"kept\": { \"grade\": 9, \"grade\": 13,", StringComparison.Ordinal));
        Assert.Equal(422, r.StatutHttp);
        var e = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal("DUPLICATE_PROPERTY", e.GetProperty("code").GetString());
        Assert.Equal("units[3].result.kept.grade", e.GetProperty("path").GetString());
    }

    [Fact]
    public void A_rule_broken_gives_the_same_shape_with_the_error()
    {
        var (r, json) = Simuler(ExempleDuContrat.Replace("\"grade\": 13,", "\"grade\": 9,", StringComparison.Ordinal));
        Assert.Equal(IssueSimulation.Invalide, r.Issue);
        Assert.Equal(2, r.CodeDeSortie);
        Assert.Equal(422, r.StatutHttp);
        var e = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal("R15", e.GetProperty("rule").GetString());
        Assert.Equal("KEPT_GRADE_BELOW_10", e.GetProperty("code").GetString());
        Assert.Equal("units[3].result", e.GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("decision").ValueKind);
    }

    [Fact]
    public void An_unknown_property_is_rejected_with_its_path()
    {
        var (r, json) = Simuler(ExempleDuContrat.Replace("\"professional\": true,  \"result\": { \"grade\": 9 }", "\"profesional\": true, \"result\": { \"grade\": 9 }", StringComparison.Ordinal));
        Assert.Equal(IssueSimulation.Invalide, r.Issue);
        var e = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal("UNKNOWN_PROPERTY", e.GetProperty("code").GetString());
        Assert.Equal("units[5].profesional", e.GetProperty("path").GetString());
        Assert.Contains("profesional", e.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JSON_that_does_not_parse_is_answered_in_French_without_internals()
    {
        var (r, json) = Simuler("{ \"form\": ");
        Assert.Equal(IssueSimulation.Illisible, r.Issue);
        Assert.Equal(400, r.StatutHttp);
        var message = json.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Contains("illisible", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"grade\": 12, \"exempted\": true }", "RESULT_NOT_EXACTLY_ONE")]
    [InlineData("{ }", "RESULT_NOT_EXACTLY_ONE")]
    [InlineData("{ \"grade\": \"12\" }", "WRONG_TYPE")]
    [InlineData("{ \"absence\": \"maybe\" }", "INVALID_VALUE")]
    [InlineData("{ \"kept\": { \"grade\": 12, \"obtainedOn\": \"2023-02-30\" } }", "INVALID_DATE")]
    [InlineData("{ \"exempted\": false }", "INVALID_VALUE")]
    public void A_result_is_exactly_one_well_formed_outcome(string resultat, string code)
    {
        var entree = $$"""{ "referenceDate": "2024-07-05", "form": "global", "units": [ { "id": "U1", "coefficient": 1, "result": {{resultat}} } ] }""";
        var (r, json) = Simuler(entree);
        Assert.Equal(IssueSimulation.Invalide, r.Issue);
        Assert.Contains(json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == code);
    }

    [Fact]
    public void P6_the_settings_switch_makes_an_optional_absence_eliminatory()
    {
        const string Entree = """{ "referenceDate": "2024-07-05", "form": "global", "settings": { "optionalAbsenceEliminates": true }, "units": [ { "id": "U1", "coefficient": 1, "result": { "grade": 15 } } ], "optionalUnits": [ { "id": "UF1", "coefficient": 1, "result": { "absence": "unjustified" } } ] }""";
        var (_, json) = Simuler(Entree);
        Assert.Equal("eliminated", json.GetProperty("decision").GetString());
    }

    [Fact]
    public void Incomplete_progressive_candidate_has_no_average()
    {
        const string Entree = """{ "referenceDate": "2024-07-05", "form": "progressive", "units": [ { "id": "U1", "coefficient": 1, "result": { "grade": 15 } }, { "id": "U2", "coefficient": 1, "result": { "pending": true } } ] }""";
        var (_, json) = Simuler(Entree);
        Assert.Equal("incomplete", json.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("average").ValueKind);
    }

    [Fact]
    public void An_optional_unit_may_carry_the_professional_flag_of_the_unit_shape_without_effect()
    {
        const string Entree = """{ "referenceDate": "2024-07-05", "form": "global", "units": [ { "id": "U1", "coefficient": 2, "professional": true, "result": { "grade": 9 } } ], "optionalUnits": [ { "id": "UF1", "coefficient": 1, "professional": true, "result": { "grade": 12 } } ] }""";
        var (r, json) = Simuler(Entree);
        Assert.Equal(IssueSimulation.Valide, r.Issue);
        Assert.Equal("admitted", json.GetProperty("decision").GetString()); // (18 + 2) / 2 = 10
        Assert.False(json.GetProperty("controlEligible").GetBoolean());
    }
}
