using Examens.Domain.Common;
using Examens.Domain.Regles;

namespace Examens.Domain.Deliberations;

/// <summary>
/// The rules a deliberation input must respect before any computation. Paths follow the simulators' contract
/// (<c>units[i]</c>, <c>optionalUnits[i]</c>) since that is the input shape; the portal maps them to its fields.
/// </summary>
public static class VerificationDeliberation
{
    public const decimal CoefficientMaximum = 100m;

    public static IReadOnlyList<ErreurRegle> Verifier(
        FormePassage forme,
        DateOnly dateDeliberation,
        IReadOnlyList<UniteNotee> obligatoires,
        IReadOnlyList<UniteNotee> facultatives)
    {
        ArgumentNullException.ThrowIfNull(obligatoires);
        ArgumentNullException.ThrowIfNull(facultatives);
        var erreurs = new List<ErreurRegle>();
        if (obligatoires.Count == 0)
        {
            erreurs.Add(new("R37", "NO_UNITS",
                "Aucune unité obligatoire : la moyenne se calcule sur les unités obligatoires de la spécialité.", "units"));
        }

        var vus = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < obligatoires.Count; i++)
        {
            VerifierUnite(obligatoires[i], $"units[{i}]", false, forme, dateDeliberation, vus, erreurs);
        }

        for (var i = 0; i < facultatives.Count; i++)
        {
            VerifierUnite(facultatives[i], $"optionalUnits[{i}]", true, forme, dateDeliberation, vus, erreurs);
        }

        return erreurs;
    }

    private static void VerifierUnite(
        UniteNotee u, string chemin, bool facultative, FormePassage forme, DateOnly dateDeliberation,
        HashSet<string> vus, List<ErreurRegle> erreurs)
    {
        if (!vus.Add(u.Id))
        {
            erreurs.Add(new("R4", "DUPLICATE_UNIT_ID",
                $"L'unité {u.Id} apparaît deux fois : chaque unité reçoit une seule note.", $"{chemin}.id"));
        }

        if (u.Coefficient <= 0m || u.Coefficient > CoefficientMaximum || decimal.Round(u.Coefficient, 2) != u.Coefficient)
        {
            erreurs.Add(new("R3", "COEFFICIENT_OUT_OF_RANGE",
                $"Le coefficient de l'unité {u.Id} doit être un nombre strictement positif, au plus {Francais.Nombre(CoefficientMaximum)}, avec au plus 2 décimales (reçu : {Francais.Nombre(u.Coefficient)}).",
                $"{chemin}.coefficient"));
        }

        var r = u.Resultat;
        var cheminResultat = $"{chemin}.result";
        switch (r.Nature)
        {
            case NatureResultat.Note:
                VerifierNote(u.Id, r.Note, $"{cheminResultat}.grade", erreurs);
                break;
            case NatureResultat.Benefice:
            case NatureResultat.Report:
                VerifierNoteConservee(u, forme, dateDeliberation, cheminResultat, erreurs);
                break;
            case NatureResultat.Dispense:
                if (u.Professionnelle)
                {
                    erreurs.Add(new("R24", "PROFESSIONAL_UNIT_EXEMPTED",
                        $"L'unité {u.Id} est une épreuve professionnelle : elle ne peut jamais faire l'objet d'une dispense.",
                        cheminResultat));
                }

                break;
            case NatureResultat.EnAttente:
                if (forme == FormePassage.Globale)
                {
                    erreurs.Add(new("R9", "PENDING_IN_GLOBAL_FORM",
                        $"L'unité {u.Id} est « à passer plus tard » : en forme globale, toutes les unités se passent à la même session (P17).",
                        cheminResultat));
                }

                break;
            case NatureResultat.AbsenceJustifiee:
            case NatureResultat.AbsenceNonJustifiee:
                break;
        }

        if (facultative && r.Nature is NatureResultat.Dispense or NatureResultat.Benefice or NatureResultat.Report)
        {
            erreurs.Add(new("R31", "OPTIONAL_RESULT_NOT_ALLOWED",
                $"L'unité facultative {u.Id} ne peut recevoir qu'une note, une absence ou « à passer plus tard ».",
                cheminResultat));
        }
    }

    private static void VerifierNoteConservee(
        UniteNotee u, FormePassage forme, DateOnly dateDeliberation, string chemin, List<ErreurRegle> erreurs)
    {
        var r = u.Resultat;
        var benefice = r.Nature == NatureResultat.Benefice;
        var champ = benefice ? "kept" : "carried";
        VerifierNote(u.Id, r.Note, $"{chemin}.{champ}.grade", erreurs);
        if (benefice && r.Note < NoteSur20.Moyenne)
        {
            erreurs.Add(new("R15", "KEPT_GRADE_BELOW_10",
                $"L'unité {u.Id} : seule une note égale ou supérieure à 10 peut être conservée en bénéfice (reçu : {Francais.Nombre(r.Note)}).",
                chemin));
        }

        if (!benefice && r.Note >= NoteSur20.Moyenne)
        {
            erreurs.Add(new("R16", "CARRIED_GRADE_10_OR_MORE",
                $"L'unité {u.Id} : le report ne concerne que les notes inférieures à 10 ; une note de {Francais.Nombre(r.Note)} se conserve en bénéfice.",
                chemin));
        }

        if (!benefice && forme == FormePassage.Globale)
        {
            erreurs.Add(new("R16", "CARRIED_GRADE_IN_GLOBAL_FORM",
                $"L'unité {u.Id} : le report d'une note inférieure à 10 n'existe qu'en forme progressive (P3).",
                chemin));
        }

        if (r.Obtention > dateDeliberation)
        {
            erreurs.Add(new("P1", "OBTAINED_AFTER_REFERENCE_DATE",
                $"L'unité {u.Id} : la note aurait été obtenue le {Francais.Date(r.Obtention)}, après la date de délibération.",
                $"{chemin}.{champ}.obtainedOn"));
        }
        else if (!ValiditeDesNotes.EstUtilisableA(r.Obtention, dateDeliberation))
        {
            erreurs.Add(new("R14", "GRADE_EXPIRED",
                $"L'unité {u.Id} : la note obtenue le {Francais.Date(r.Obtention)} n'est plus valable ; elle pouvait servir jusqu'à la délibération du {Francais.Date(ValiditeDesNotes.DerniereDateUtilisable(r.Obtention))} (cinq ans, P1).",
                $"{chemin}.{champ}.obtainedOn"));
        }
    }

    internal static void VerifierNote(string unite, decimal note, string chemin, List<ErreurRegle> erreurs)
    {
        if (!NoteSur20.EstDansLesBornes(note))
        {
            erreurs.Add(new("P7", "GRADE_OUT_OF_RANGE",
                $"L'unité {unite} : une note est comprise entre 0 et 20 (reçu : {Francais.Nombre(note)}).", chemin));
        }
        else if (!NoteSur20.AAuPlusDeuxDecimales(note))
        {
            erreurs.Add(new("P7", "GRADE_TOO_PRECISE",
                $"L'unité {unite} : une note a au plus deux décimales (reçu : {note.ToString(Francais.Culture)}).", chemin));
        }
    }
}
