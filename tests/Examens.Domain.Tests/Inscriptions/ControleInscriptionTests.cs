using Examens.Domain.Catalogue;
using Examens.Domain.Inscriptions;
using Examens.Domain.Pieces;
using Examens.Domain.Regles;

using Examens.Domain.Tests.Regles;

namespace Examens.Domain.Tests.Inscriptions;

public class ControleInscriptionTests
{
    private static readonly FenetreInscription Siec = FenetresDeTest.Siec;

    private static DemandeInscription Demande(FormePassage forme = FormePassage.Globale) => new()
    {
        Instant = new DateTimeOffset(2023, 11, 15, 15, 59, 59, TimeSpan.Zero),
        Fenetre = Siec,
        Session = 2024,
        DateDeliberation = new DateOnly(2024, 7, 5),
        Specialite = "MS",
        Option = "A",
        Forme = forme,
        LangueObligatoire = "anglais",
    };

    private static VerificationInscription Verifier(DemandeInscription d, Specialite? s = null, ParametresSession? p = null) =>
        ControleInscription.Verifier(d, s ?? SpecialitesDeTest.Maintenance(), true, p ?? ParametresSession.ParDefaut(d.Session));

    private static string[] Codes(VerificationInscription v) => [.. v.Erreurs.Select(e => $"{e.Regle}:{e.Code}")];

    [Fact]
    public void A_plain_global_registration_is_valid_and_sits_every_unit_of_its_option()
    {
        var v = Verifier(Demande());
        Assert.True(v.EstValide, string.Join(" | ", v.Erreurs.Select(e => e.Message)));
        // P17: every compulsory unit neither kept nor exempted; U53 belongs to option B only.
        Assert.Equal(["U1", "U2", "U31", "U32", "U4"], v.Plan.Select(l => l.Unite));
        Assert.All(v.Plan, l => Assert.Equal(StatutPlan.APasser, l.Statut));
    }

    [Theory]
    [InlineData("2023-11-15T15:59:59Z", new string[0])]
    [InlineData("2023-11-15T16:00:00Z", new[] { "P12:SUBMITTED_AFTER_CLOSING" })]
    [InlineData("2023-10-10T11:59:59Z", new[] { "P12:SUBMITTED_BEFORE_OPENING" })]
    public void P12_the_window_decides_by_the_server_instant(string instant, string[] attendues) =>
        Assert.Equal(attendues, Codes(Verifier(Demande() with { Instant = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture) })));

    [Theory]
    [InlineData(true, false, StatutCandidat.Individuel)]
    [InlineData(false, true, StatutCandidat.EnseignementADistance)]
    [InlineData(false, false, StatutCandidat.Apprenti)]
    public void P15_R10_ex_scolaires_ex_apprentis_and_apprentices_take_the_global_form(bool exScolaire, bool exApprenti, StatutCandidat statut)
    {
        var d = Demande(FormePassage.Progressive) with
        {
            Candidat = new SituationCandidat { ExScolaire = exScolaire, ExApprenti = exApprenti, Statut = statut },
            UnitesAPasser = ["U1"],
        };
        Assert.Equal(["R10:GLOBAL_FORM_REQUIRED"], Codes(Verifier(d)));
    }

    [Fact]
    public void P15_R12_a_continuing_education_candidate_may_choose_the_progressive_form()
    {
        var d = Demande(FormePassage.Progressive) with
        {
            Candidat = new SituationCandidat { Statut = StatutCandidat.FormationProfessionnelleContinue },
            UnitesAPasser = ["U4"],
        };
        var v = Verifier(d);
        Assert.True(v.EstValide);
        Assert.Equal(StatutPlan.APasser, v.Plan.Single(l => l.Unite == "U4").Statut);
        Assert.Equal(StatutPlan.PasCetteSession, v.Plan.Single(l => l.Unite == "U1").Statut);
    }

    [Fact]
    public void P15_R11_the_form_of_an_earlier_registration_cannot_change()
    {
        var d = Demande() with { Candidat = new SituationCandidat { FormePrecedente = FormePassage.Progressive } };
        Assert.Equal(["R11:FORM_CHANGED"], Codes(Verifier(d)));
    }

    [Fact]
    public void R15_keeping_a_grade_below_10_is_refused_with_its_path()
    {
        var d = Demande() with { NotesAnterieures = [new("U31", 9.5m, new DateOnly(2022, 7, 1), ChoixNote.Benefice)] };
        var e = Assert.Single(Verifier(d).Erreurs);
        Assert.Equal(("R15", "KEPT_GRADE_BELOW_10", "priorGrades[0].grade"), (e.Regle, e.Code, e.Chemin));
    }

    [Fact]
    public void P3_R16_carrying_in_the_global_form_and_carrying_10_are_refused()
    {
        var d = Demande() with { NotesAnterieures = [new("U31", 10m, new DateOnly(2022, 7, 1), ChoixNote.Report)] };
        Assert.Equal(["R16:CARRIED_GRADE_10_OR_MORE", "R16:CARRY_IN_GLOBAL_FORM"], Codes(Verifier(d)));
    }

    [Fact]
    public void R16_a_progressive_candidate_carries_a_grade_below_10()
    {
        var d = Demande(FormePassage.Progressive) with
        {
            NotesAnterieures = [new("U31", 7m, new DateOnly(2022, 7, 1), ChoixNote.Report)],
            UnitesAPasser = ["U4"],
        };
        var v = Verifier(d);
        Assert.True(v.EstValide);
        Assert.Equal(StatutPlan.Report, v.Plan.Single(l => l.Unite == "U31").Statut);
        Assert.Contains(v.Pieces, p => p.Piece == PieceJustificative.D3);
    }

    [Theory]
    [InlineData("2019-07-05", true)]
    [InlineData("2019-07-04", false)]
    public void R14_P1_a_prior_grade_is_usable_until_its_last_valid_day(string obtention, bool valide)
    {
        var d = Demande() with { NotesAnterieures = [new("U31", 12m, DateOnly.Parse(obtention, System.Globalization.CultureInfo.InvariantCulture), ChoixNote.Benefice)] };
        Assert.Equal(valide ? [] : ["R14:PRIOR_GRADE_EXPIRED"], Codes(Verifier(d)));
    }

    [Fact]
    public void P2_R17_a_renounced_grade_is_sat_again_and_the_candidate_is_told_it_is_definitive()
    {
        var d = Demande(FormePassage.Progressive) with
        {
            NotesAnterieures = [new("U31", 8m, new DateOnly(2022, 7, 1), ChoixNote.Renoncement)],
        };
        var v = Verifier(d);
        Assert.True(v.EstValide);
        Assert.Equal(StatutPlan.APasser, v.Plan.Single(l => l.Unite == "U31").Statut);
        Assert.Contains(v.Avis, a => a.Regle == "R17" && a.Message.Contains("définitif", StringComparison.Ordinal));
        Assert.DoesNotContain(v.Pieces, p => p.Piece == PieceJustificative.D3);
    }

    [Fact]
    public void P2_a_grade_renounced_at_an_earlier_registration_cannot_be_kept_again()
    {
        var note = new NoteAnterieure("U31", 12m, new DateOnly(2022, 7, 1), ChoixNote.Benefice);
        var d = Demande() with { NotesAnterieures = [note], RenoncementsAnterieurs = [note with { Choix = ChoixNote.Renoncement }] };
        Assert.Equal(["P2:GRADE_RENOUNCED"], Codes(Verifier(d)));
    }

    [Fact]
    public void R18_a_parent_epreuve_that_is_not_a_unit_cannot_be_kept()
    {
        var d = Demande() with { NotesAnterieures = [new("U3", 12m, new DateOnly(2022, 7, 1), ChoixNote.Benefice)] };
        var e = Assert.Single(Verifier(d).Erreurs);
        Assert.Equal("R18", e.Regle);
        Assert.Contains("U31, U32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void P16_a_progressive_candidate_sits_at_least_one_unit()
    {
        var d = Demande(FormePassage.Progressive) with { Candidat = new SituationCandidat { Statut = StatutCandidat.EnseignementADistance } };
        Assert.Equal(["P16:NO_UNIT_TO_SIT"], Codes(Verifier(d)));
    }

    [Fact]
    public void P16_a_progressive_candidate_never_sits_a_kept_or_exempted_unit()
    {
        var d = Demande(FormePassage.Progressive) with
        {
            NotesAnterieures = [new("U31", 12m, new DateOnly(2022, 7, 1), ChoixNote.Benefice)],
            Dispenses = [new("U1", 6)],
            UnitesAPasser = ["U31", "U1", "U4"],
        };
        Assert.Equal(["P16:SITTING_EXEMPTED_UNIT", "P16:SITTING_KEPT_UNIT"], Codes(Verifier(d)));
    }

    [Fact]
    public void P17_the_global_form_ignores_units_to_sit_and_sits_everything_not_kept_or_exempted()
    {
        var d = Demande() with { Dispenses = [new("U1", 5)], UnitesAPasser = ["U4"] };
        var v = Verifier(d);
        Assert.True(v.EstValide);
        Assert.Equal(StatutPlan.Dispense, v.Plan[0].Statut);
        Assert.All(v.Plan.Skip(1), l => Assert.Equal(StatutPlan.APasser, l.Statut));
        Assert.Contains(v.Pieces, p => p.Piece == PieceJustificative.D11);
    }

    [Theory]
    [InlineData("U4", 6, "R24:EXEMPTION_PROFESSIONAL_UNIT")]
    [InlineData("U2", 6, "P18:EXEMPTION_NOT_PROVIDED")]
    [InlineData("U1", 4, "R23:EXEMPTION_DIPLOMA_LEVEL")]
    [InlineData("U9", 6, "R3:UNKNOWN_UNIT")]
    public void P18_R23_R24_exemptions(string unite, int niveau, string attendue) =>
        Assert.Equal([attendue], Codes(Verifier(Demande() with { Dispenses = [new(unite, niveau)] })));

    [Fact]
    public void P14_R30_two_optional_units_in_2024_besides_engagement_etudiant()
    {
        Assert.True(Verifier(Demande() with { UnitesFacultatives = ["UF2", "UF3", "UF-EE"] }).EstValide);
        Assert.Equal(["R30:TOO_MANY_OPTIONAL_UNITS"],
            Codes(Verifier(Demande() with { UnitesFacultatives = ["UF1", "UF2", "UF3"], LanguesFacultatives = ["espagnol"] })));
    }

    [Fact]
    public void P14_R53_one_optional_unit_from_session_2025()
    {
        var d = Demande() with { Session = 2025, UnitesFacultatives = ["UF2", "UF3"] };
        Assert.Equal(["R30:TOO_MANY_OPTIONAL_UNITS"], Codes(Verifier(d)));
    }

    [Fact]
    public void P19_R34_optional_arabic_is_allowed_and_announced_as_arabe_litteral()
    {
        var v = Verifier(Demande() with { UnitesFacultatives = ["UF1"], LanguesFacultatives = ["arabe"] });
        Assert.True(v.EstValide);
        var avis = Assert.Single(v.Avis);
        Assert.Equal("R34", avis.Regle);
        Assert.Contains("arabe littéral", avis.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R36_languages_must_be_offered_and_the_optional_one_differ_from_the_compulsory_one()
    {
        Assert.Equal(["R36:LANGUAGE_NOT_OFFERED"], Codes(Verifier(Demande() with { LangueObligatoire = "espagnol" })));
        Assert.Equal(["R36:OPTIONAL_LANGUAGE_SAME_AS_MANDATORY"],
            Codes(Verifier(Demande() with { UnitesFacultatives = ["UF1"], LanguesFacultatives = ["Anglais"] })));
    }

    [Fact]
    public void R33_an_optional_language_without_its_unit_adds_the_unit_and_says_so()
    {
        var v = Verifier(Demande() with { LanguesFacultatives = ["allemand"] });
        Assert.True(v.EstValide);
        Assert.Contains(v.Avis, a => a.Code == "OPTIONAL_LANGUAGE_UNIT_ADDED" && a.Message.Contains("UF1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "R1:OPTION_REQUIRED")]
    [InlineData("Z", "R1:UNKNOWN_OPTION")]
    public void R1_the_option_must_be_one_of_the_speciality(string? option, string attendue) =>
        Assert.Equal([attendue], Codes(Verifier(Demande() with { Option = option })));

    [Fact]
    public void R1_an_unknown_speciality_still_lists_the_documents_every_candidate_needs()
    {
        var v = ControleInscription.Verifier(Demande() with { Specialite = "XYZ" }, null, false, ParametresSession.ParDefaut(2024));
        Assert.Equal(["R1:UNKNOWN_SPECIALITY"], Codes(v));
        Assert.Equal([PieceJustificative.D1, PieceJustificative.D2], v.Pieces.Select(p => p.Piece));
        Assert.Empty(v.Plan);
    }

    [Fact]
    public void R1_an_incomplete_catalogue_flags_unknown_units_instead_of_refusing_them()
    {
        var v = Verifier(Demande() with { NotesAnterieures = [new("U61", 12m, new DateOnly(2022, 7, 1), ChoixNote.Benefice)] },
            SpecialitesDeTest.Maintenance(complete: false));
        Assert.True(v.EstValide);
        Assert.Contains(v.Avis, a => a.Code == "CATALOGUE_INCOMPLETE");
        Assert.Contains(v.Avis, a => a.Code == "UNIT_NOT_IN_CATALOGUE");
    }

    [Fact]
    public void R68_a_language_still_to_choose_is_said_without_blocking_the_check()
    {
        var v = Verifier(Demande() with { UnitesFacultatives = ["UF1"] });
        Assert.True(v.EstValide);
        Assert.Contains(v.Avis, a => a.Code == "OPTIONAL_LANGUAGE_TO_CHOOSE");
    }
}
