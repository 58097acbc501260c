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

    /// <summary>The candidate's account; loaded only where a use case needs it with the registration (one query).</summary>
    public Comptes.Compte Candidat { get; set; } = null!;

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

    public DateTime? EcarteeLeUtc { get; private set; }

    public string? MotifEcart { get; private set; }

    /// <summary>Every required document accepted (and the registration submitted): kept as a column so the list filters in the database.</summary>
    public bool Complet { get; set; }

    /// <summary>The required documents with no file, as "|D2|D5|": a column so "D5 missing" is a database filter.</summary>
    public string PiecesManquantes { get; set; } = "";

    /// <summary>The required documents whose current file is rejected, as "|D2|".</summary>
    public string PiecesRefusees { get; set; } = "";

    /// <summary>
    /// The errors the engine found in the draft at its last save, leaving out those that depend on the instant (the
    /// window, P12) or on the account (the identity, R68): the home page shows them without running the engine.
    /// </summary>
    public int PointsACorriger { get; set; }

    /// <summary>The draft differs from the latest version (changes not submitted yet); set by every save of the draft.</summary>
    public bool BrouillonModifie { get; set; }

    /// <summary>When the latest version was submitted: the home page and lists show it without reading the versions.</summary>
    public DateTime? DerniereSoumissionUtc { get; private set; }

    public List<VersionInscription> Versions { get; set; } = [];

    public List<PieceDeposee> Pieces { get; set; } = [];

    public VersionInscription AjouterVersion(
        DateTime instantUtc, string contenu, string empreinte, string codeVerification, DonneesInscription donnees, string? auteurGestionnaire = null, string? motif = null)
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
            AuteurGestionnaire = auteurGestionnaire,
            Motif = motif,
        };
        Versions.Add(version);
        DerniereVersion = version.Numero;
        DerniereSoumissionUtc = instantUtc;
        // Every version is made from the draft as it stands.
        BrouillonModifie = false;
        // An officer's correction of a set-aside registration keeps it set aside: reinstating is its own decision.
        if (Etat != EtatInscription.Ecartee)
        {
            Etat = EtatInscription.Soumise;
        }

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

    /// <summary>The exam office sets a submitted registration aside, with a reason.</summary>
    public void Ecarter(DateTime instantUtc, string motif)
    {
        if (Etat != EtatInscription.Soumise)
        {
            throw new InvalidOperationException("Seule une inscription soumise peut être écartée.");
        }

        Etat = EtatInscription.Ecartee;
        EcarteeLeUtc = instantUtc;
        MotifEcart = motif;
    }

    /// <summary>The exam office takes a set-aside registration back: it is submitted again, as before.</summary>
    public void Reintegrer()
    {
        if (Etat != EtatInscription.Ecartee)
        {
            throw new InvalidOperationException("Seule une inscription écartée peut être réintégrée.");
        }

        Etat = EtatInscription.Soumise;
        EcarteeLeUtc = null;
        MotifEcart = null;
    }
}
