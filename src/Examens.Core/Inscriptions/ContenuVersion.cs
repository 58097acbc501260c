namespace Examens.Core.Inscriptions;

/// <summary>What a version freezes: the identity as it was, the academy and session, and the candidate's choices.</summary>
public sealed record ContenuVersion(
    string Numero,
    int Session,
    string Academie,
    string Nom,
    string Prenoms,
    DateOnly? DateNaissance,
    string LieuNaissance,
    string Courriel,
    DonneesInscription Donnees);
