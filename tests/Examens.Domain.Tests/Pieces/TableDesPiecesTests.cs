using Examens.Domain.Catalogue;
using Examens.Domain.Inscriptions;
using Examens.Domain.Pieces;
using Examens.Domain.Regles;
using Examens.Domain.Tests.Inscriptions;

namespace Examens.Domain.Tests.Pieces;

public class TableDesPiecesTests
{
    private static readonly ParametresSession Defaut = ParametresSession.ParDefaut(2024);

    private static readonly Specialite Batiment = new() { Code = "BAT", Session = 2024, Nom = "Bâtiment", Pieces = ["D5"], Attestations = ["R408"] };

    private static readonly Specialite SansPiece = new() { Code = "SIO", Session = 2024, Nom = "Services informatiques aux organisations" };

    private static PieceJustificative[] Ids(SituationCandidat c, Specialite? s = null, bool conservation = false, bool dispense = false, ParametresSession? p = null) =>
        [.. TableDesPieces.Determiner(c, s ?? SansPiece, conservation, dispense, p ?? Defaut).Select(x => x.Piece)];

    [Fact]
    public void D1_D2_every_candidate_uploads_the_signed_confirmation_and_an_identity_document() =>
        Assert.Equal([PieceJustificative.D1, PieceJustificative.D2], Ids(new SituationCandidat()));

    [Fact]
    public void D3_R21_keeping_or_carrying_a_grade_asks_for_the_earlier_transcript() =>
        Assert.Contains(PieceJustificative.D3, Ids(new SituationCandidat(), conservation: true));

    [Fact]
    public void D3_D4_a_repeater_who_keeps_grades_uploads_both_documents_listed_once_each()
    {
        var ids = Ids(new SituationCandidat { Redoublant = true }, conservation: true);
        Assert.Equal(1, ids.Count(i => i == PieceJustificative.D3));
        Assert.Equal(1, ids.Count(i => i == PieceJustificative.D4));
    }

    [Fact]
    public void D5_the_building_specialities_ask_for_the_R408_attestation()
    {
        var piece = Assert.Single(TableDesPieces.Determiner(new SituationCandidat(), Batiment, false, false, Defaut), p => p.Piece == PieceJustificative.D5);
        Assert.Equal(["R408"], piece.Elements);
    }

    [Fact]
    public void D6_maintenance_des_systemes_asks_for_four_attestations()
    {
        var piece = Assert.Single(TableDesPieces.Determiner(new SituationCandidat(), SpecialitesDeTest.Maintenance(), false, false, Defaut), p => p.Piece == PieceJustificative.D6);
        Assert.Equal(4, piece.Elements!.Count);
    }

    [Theory]
    [InlineData(StatutCandidat.Apprenti, PieceJustificative.D7)]
    [InlineData(StatutCandidat.FormationProfessionnelleContinue, PieceJustificative.D8)]
    [InlineData(StatutCandidat.CifPtp, PieceJustificative.D9)]
    public void D7_D8_D9_the_status_decides_the_proof_of_training_route(StatutCandidat statut, PieceJustificative attendue)
    {
        var ids = Ids(new SituationCandidat { Statut = statut });
        Assert.Contains(attendue, ids);
        Assert.Equal(3, ids.Length);
    }

    [Fact]
    public void D8_a_broken_professionalisation_contract_asks_for_the_letter_and_both_contracts()
    {
        var d8 = TableDesPieces.Determiner(new SituationCandidat { Statut = StatutCandidat.FormationProfessionnelleContinue, ContratProfessionnalisationRompu = true },
            SansPiece, false, false, Defaut).Single(p => p.Piece == PieceJustificative.D8);
        Assert.Contains(d8.Elements!, e => e.Contains("lettre de rupture et les deux contrats", StringComparison.Ordinal));
    }

    [Fact]
    public void D10_an_adapted_training_or_positionnement_decision() =>
        Assert.Contains(PieceJustificative.D10, Ids(new SituationCandidat { FormationAmenagee = true }));

    [Fact]
    public void D11_R28_an_exemption_asks_for_the_diploma_or_its_transcript() =>
        Assert.Contains(PieceJustificative.D11, Ids(new SituationCandidat(), dispense: true));

    [Fact]
    public void P20_D12_R48_D13_are_not_asked_by_default_and_can_be_switched_on()
    {
        var candidat = new SituationCandidat { Statut = StatutCandidat.EnseignementADistance, DemandeAmenagementEpreuves = true };
        Assert.DoesNotContain(PieceJustificative.D12, Ids(candidat));
        Assert.DoesNotContain(PieceJustificative.D13, Ids(candidat));
        var ids = Ids(candidat, p: Defaut with { PieceD12Requise = true, PieceD13Requise = true });
        Assert.Contains(PieceJustificative.D12, ids);
        Assert.Contains(PieceJustificative.D13, ids);
    }

    [Fact]
    public void P21_in_online_validation_mode_the_confirmation_is_not_an_upload() =>
        Assert.Equal([PieceJustificative.D2], Ids(new SituationCandidat(), p: Defaut with { ModeConfirmation = ModeConfirmation.ValidationEnLigne }));

    [Fact]
    public void Documents_come_in_the_order_of_the_table()
    {
        var ids = Ids(new SituationCandidat { Statut = StatutCandidat.Apprenti, Redoublant = true, FormationAmenagee = true }, Batiment, true, true);
        Assert.Equal(ids.OrderBy(i => (int)i), ids);
    }
}
