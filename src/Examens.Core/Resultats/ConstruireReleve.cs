using Examens.Core.Comptes;
using Examens.Core.Documents.Releve;
using Examens.Domain.Common;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;

namespace Examens.Core.Resultats;

/// <summary>Turns a candidate's computation into the relevé's texts (R64), with the attestation for a deferred one (R22, R66).</summary>
public static class ConstruireReleve
{
    public static DonneesReleve Construire(DetailResultat r, Compte candidat, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(candidat);
        var details = new List<string>
        {
            $"Total des points : {Francais.Nombre(r.Final.Points)} pour {Francais.Nombre(r.Final.Coefficients)} coefficient(s)",
        };
        if (r.Final.BonusFacultatif > 0m)
        {
            details.Add($"Points des unités facultatives au-dessus de 10 : +{Francais.Nombre(r.Final.BonusFacultatif)}");
        }

        if (r.Jury is { PointsJury: > 0m } && DecisionDuJury.Modifiable(r.Calcule.Decision))
        {
            details.Add($"Points de jury : +{Francais.Nombre(r.Jury.PointsJury)}");
        }

        if (r.Final.EpreuvesDeControle)
        {
            details.Add("Vous pouvez présenter les épreuves de contrôle (R43).");
        }

        var attestation = r.Final.Decision is Decision.Ajourne or Decision.Incomplet
            ? r.UnitesAcquises.Select(u => new UniteAcquise(u.Unite, u.Intitule, NoteSur(u.Note), u.ValableJusquau is { } v ? Francais.Date(v) : "")).ToList()
            : [];
        return new DonneesReleve
        {
            Session = r.Session,
            Academie = r.Academie,
            NumeroInscription = r.Numero,
            Nom = candidat.Nom,
            Prenoms = candidat.Prenoms,
            NeLe = candidat.DateNaissance is { } n ? $"{Francais.Date(n)} à {candidat.LieuNaissance}" : "date inconnue",
            Specialite = r.Specialite,
            Option = r.Option,
            Forme = r.Forme == FormePassage.Progressive ? "progressive" : "globale",
            Unites = [.. r.Lignes.Where(l => !l.Facultative).Select(Ligne)],
            UnitesFacultatives = [.. r.Lignes.Where(l => l.Facultative).Select(Ligne)],
            Decision = CalculerResultatCandidat.Libelle(r.Final.Decision),
            Moyenne = r.Final.Moyenne is null ? "sans objet" : $"{CalculerResultatCandidat.Moyenne(r.Final.Moyenne)}/20",
            Details = details,
            DateDeliberation = Francais.Date(r.DateDeliberation),
            EditeLe = Francais.Date(DateOnly.FromDateTime(maintenant.UtcDateTime)),
            Attestation = attestation,
        };
    }

    public static string NoteSur(decimal? note) => note is { } n ? $"{n.ToString("0.00", Francais.Culture)}/20" : "";

    public static string Statut(LigneResultat l) => l.Statut switch
    {
        StatutUnite.Presente => NoteSur(l.Note),
        StatutUnite.AbsentJustifie => l.Facultative ? "Absent(e) – justifié" : "Absent(e) – justifié : 0,00/20",
        StatutUnite.AbsentNonJustifie => "Absent(e) – non justifié",
        StatutUnite.Dispense => "Dispensé(e)",
        StatutUnite.Benefice => $"{NoteSur(l.Note)} (bénéfice)",
        StatutUnite.Report => $"{NoteSur(l.Note)} (report)",
        StatutUnite.EnAttente => "À passer",
        _ => "",
    };

    /// <summary>Where a kept grade comes from and until when it may be used; for a new grade, until when it may be kept.</summary>
    public static string Observation(LigneResultat l) => l switch
    {
        { Statut: StatutUnite.Benefice or StatutUnite.Report, SessionOrigine: { } s, ValableJusquau: { } v } =>
            $"obtenue à la {s}, utilisable jusqu'à la délibération du {Francais.Date(v)}",
        { Statut: StatutUnite.Presente, Facultative: false, ValableJusquau: { } v } =>
            $"{(l.Acquise ? "bénéfice" : "report")} possible jusqu'au {Francais.Date(v)}",
        _ => "",
    };

    private static LigneReleve Ligne(LigneResultat l) =>
        new(l.Unite, l.Intitule, Francais.Nombre(l.Coefficient), Statut(l), Observation(l));
}
