using Examens.Domain.Catalogue;
using Examens.Domain.Inscriptions;
using Examens.Domain.Regles;

namespace Examens.Domain.Pieces;

/// <summary>
/// The document table D1–D13 (bts-rules.md §8, the seed). Each document is listed once, even when two conditions ask
/// for it; D3 and D4 stay two entries because they are different documents. No paper is accepted: all are uploads.
/// </summary>
public static class TableDesPieces
{
    public const string LibelleD1 = "Confirmation d'inscription datée et signée (les modifications notées en rouge ; bien vérifier la forme de passage et les langues vivantes)";
    public const string LibelleD2 = "Carte nationale d'identité, passeport ou titre de séjour";
    public const string LibelleD3 = "Relevé de notes de la session antérieure où ont été obtenues les notes conservées (bénéfice ou report)";
    public const string LibelleD4 = "Relevé de notes de l'examen de la session précédente (candidat redoublant)";
    public const string LibelleD5 = "Attestation de formation aux compétences de la recommandation R408 de la CNAM (échafaudages de pied)";
    public const string LibelleD6 = "Attestations de formation exigées en maintenance des systèmes";
    public const string LibelleD7 = "Contrat d'apprentissage";
    public const string LibelleD8 = "Justificatif d'accès à la formation professionnelle continue (l'une des pièces suivantes)";
    public const string LibelleD9 = "Contrat CPF ou de projet de transition professionnelle, ou accord de prise en charge";
    public const string LibelleD10 = "Décision de formation aménagée ou de positionnement";
    public const string LibelleD11 = "Relevé de notes ou diplôme national de niveau 5 ou supérieur justifiant la dispense";
    public const string LibelleD12 = "Justificatif de la condition de formation (par exemple le certificat de l'organisme d'enseignement à distance)";
    public const string LibelleD13 = "Dossier de demande d'aménagement des conditions d'examen (avis médical)";

    private static readonly string[] ElementsD8 =
    [
        "Contrat de professionnalisation enregistré par l'OPCA",
        "Contrat de travail, ou justificatif de travailleur indépendant, de profession libérale ou de profession non salariée",
        "Attestation de Pôle emploi (France Travail) ou attestation de fin de droits",
    ];

    private static readonly string[] ElementsD8Rupture =
    [
        "Contrat de professionnalisation rompu : la lettre de rupture et les deux contrats",
        ElementsD8[1],
        ElementsD8[2],
    ];

    /// <param name="demandeConservation">Keeps or carries at least one grade not held by this product (D3).</param>
    /// <param name="demandeDispense">Asks for at least one exemption (D11).</param>
    public static IReadOnlyList<PieceDemandee> Determiner(
        SituationCandidat candidat,
        Specialite? specialite,
        bool demandeConservation,
        bool demandeDispense,
        ParametresSession parametres)
    {
        ArgumentNullException.ThrowIfNull(candidat);
        ArgumentNullException.ThrowIfNull(parametres);
        var pieces = new List<PieceDemandee>();

        // D1: in online-validation mode validating counts as the signature (P21, R59): nothing to upload.
        if (parametres.ModeConfirmation == ModeConfirmation.Papier)
        {
            pieces.Add(new(PieceJustificative.D1, LibelleD1, null));
        }

        pieces.Add(new(PieceJustificative.D2, LibelleD2, null));
        // R21: a kept or carried grade is proven by the transcript of its session.
        if (demandeConservation)
        {
            pieces.Add(new(PieceJustificative.D3, LibelleD3, null));
        }

        if (candidat.Redoublant)
        {
            pieces.Add(new(PieceJustificative.D4, LibelleD4, null));
        }

        if (specialite is not null && specialite.Pieces.Contains("D5"))
        {
            pieces.Add(new(PieceJustificative.D5, LibelleD5, specialite.Attestations.Count > 0 ? specialite.Attestations : null));
        }

        if (specialite is not null && specialite.Pieces.Contains("D6"))
        {
            pieces.Add(new(PieceJustificative.D6, LibelleD6, specialite.Attestations));
        }

        switch (candidat.Statut)
        {
            case StatutCandidat.Apprenti:
                pieces.Add(new(PieceJustificative.D7, LibelleD7, null));
                break;
            case StatutCandidat.FormationProfessionnelleContinue:
                pieces.Add(new(PieceJustificative.D8, LibelleD8,
                    candidat.ContratProfessionnalisationRompu ? ElementsD8Rupture : ElementsD8));
                break;
            case StatutCandidat.CifPtp:
                pieces.Add(new(PieceJustificative.D9, LibelleD9, null));
                break;
            case StatutCandidat.Individuel:
            case StatutCandidat.EnseignementADistance:
                break;
        }

        if (candidat.FormationAmenagee)
        {
            pieces.Add(new(PieceJustificative.D10, LibelleD10, null));
        }

        // R28: an exemption is proven by the diploma that gives it, or its transcript.
        if (demandeDispense)
        {
            pieces.Add(new(PieceJustificative.D11, LibelleD11, null));
        }

        // P20: D12 and D13 only when the academy switches them on. D12 is the training condition's proof (R48).
        if (parametres.PieceD12Requise && candidat.Statut is StatutCandidat.Individuel or StatutCandidat.EnseignementADistance)
        {
            pieces.Add(new(PieceJustificative.D12, LibelleD12, null));
        }

        if (parametres.PieceD13Requise && candidat.DemandeAmenagementEpreuves)
        {
            pieces.Add(new(PieceJustificative.D13, LibelleD13, null));
        }

        return pieces;
    }

    /// <summary>The document's name in the table, for lists that show a stored code ("|D2|D5|") without asking the engine again.</summary>
    public static string Libelle(PieceJustificative piece) => piece switch
    {
        PieceJustificative.D1 => LibelleD1,
        PieceJustificative.D2 => LibelleD2,
        PieceJustificative.D3 => LibelleD3,
        PieceJustificative.D4 => LibelleD4,
        PieceJustificative.D5 => LibelleD5,
        PieceJustificative.D6 => LibelleD6,
        PieceJustificative.D7 => LibelleD7,
        PieceJustificative.D8 => LibelleD8,
        PieceJustificative.D9 => LibelleD9,
        PieceJustificative.D10 => LibelleD10,
        PieceJustificative.D11 => LibelleD11,
        PieceJustificative.D12 => LibelleD12,
        PieceJustificative.D13 => LibelleD13,
        _ => piece.ToString(),
    };
}
