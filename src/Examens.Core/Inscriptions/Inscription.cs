using Examens.Core.Sessions;

namespace Examens.Core.Inscriptions;

/// <summary>
/// One candidate's registration for one session in one academy: a draft that the candidate edits, and the numbered
/// versions that each submission freezes (P22). Transitions go through methods; an illegal one is refused.
/// </summary>
public sealed class Inscription
{
    public Guid Id { get; set; }

    public string Numero { get; set; } = "";

    public string CandidatId { get; set; } = "";

    public int AcademieSessionId { get; set; }

    public AcademieSession AcademieSession { get; set; } = null!;

    public EtatInscription Etat { get; private set; } = EtatInscription.Brouillon;

    /// <summary>The draft as JSON (<see cref="DonneesInscription"/>).</summary>
    public string Brouillon { get; set; } = "{}";

    public int DerniereVersion { get; private set; }

    /// <summary>Bumped on every save: two tabs saving from the same state cannot both win (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public DateTime CreeeLeUtc { get; set; }

    public DateTime ModifieeLeUtc { get; set; }

    public DateTime? RetireeLeUtc { get; private set; }

    /// <summary>The speciality, option and form of the latest version, kept as columns for lists, filters and the deliberation.</summary>
    public string? Specialite { get; private set; }

    public string? Option { get; private set; }

    public Examens.Domain.Regles.FormePassage? Forme { get; private set; }

    public List<VersionInscription> Versions { get; set; } = [];

    public List<PieceDeposee> Pieces { get; set; } = [];

    public VersionInscription AjouterVersion(DateTime instantUtc, string contenu, string empreinte, string codeVerification, DonneesInscription donnees)
    {
        ArgumentNullException.ThrowIfNull(donnees);
        Specialite = donnees.Specialite;
        Option = donnees.Option;
        Forme = donnees.Forme;
        var version = new VersionInscription
        {
            InscriptionId = Id,
            Numero = DerniereVersion + 1,
            SoumiseLeUtc = instantUtc,
            Contenu = contenu,
            Empreinte = empreinte,
            CodeVerification = codeVerification,
        };
        Versions.Add(version);
        DerniereVersion = version.Numero;
        Etat = EtatInscription.Soumise;
        RetireeLeUtc = null;
        return version;
    }

    public void Retirer(DateTime instantUtc)
    {
        if (Etat != EtatInscription.Soumise)
        {
            throw new InvalidOperationException("Seule une inscription soumise peut être retirée.");
        }

        Etat = EtatInscription.Retiree;
        RetireeLeUtc = instantUtc;
    }
}
