using Examens.Domain.Regles;

namespace Examens.Domain.Deliberations;

/// <summary>
/// The deliberation of one candidate (R37–R45, P1–P11). Pure and allocation-free: the caller gives the span that
/// receives the units' outcome, compulsory units first then optional ones, in input order. Validate the input with
/// <see cref="VerificationDeliberation"/> first; this method assumes it is valid.
/// </summary>
public static class Deliberation
{
    /// <summary>P9, R43: the épreuves de contrôle are open from an average of 8.</summary>
    public const decimal SeuilEpreuvesDeControle = 8m;

    public static ResultatDeliberation Deliberer(
        FormePassage forme,
        DateOnly dateDeliberation,
        ReadOnlySpan<UniteNotee> obligatoires,
        ReadOnlySpan<UniteNotee> facultatives,
        Span<UniteDeliberee> sortie,
        ParametresDeliberation parametres)
    {
        if (sortie.Length < obligatoires.Length + facultatives.Length)
        {
            throw new ArgumentException("La zone de sortie est trop petite.", nameof(sortie));
        }

        var validiteSession = ValiditeDesNotes.DerniereDateUtilisable(dateDeliberation);
        decimal points = 0m, coefficients = 0m, pointsPro = 0m, coefficientsPro = 0m;
        bool elimine = false, enAttente = false;

        for (var i = 0; i < obligatoires.Length; i++)
        {
            ref readonly var u = ref obligatoires[i];
            var r = u.Resultat;
            UniteDeliberee issue;
            switch (r.Nature)
            {
                case NatureResultat.Note:
                    // R15/R16: a grade >= 10 can be kept; in the progressive form a grade < 10 can also be carried.
                    issue = new(StatutUnite.Presente, r.Note, true, NoteSur20.EstAcquise(r.Note),
                        NoteSur20.EstAcquise(r.Note) || forme == FormePassage.Progressive ? validiteSession : null);
                    break;
                case NatureResultat.AbsenceJustifiee:
                    // R39, P8: force majeure gives 0/20, counted normally.
                    issue = new(StatutUnite.AbsentJustifie, 0m, true, false, null);
                    break;
                case NatureResultat.AbsenceNonJustifiee:
                    // R38, P8: eliminatory; no grade.
                    issue = new(StatutUnite.AbsentNonJustifie, null, false, false, null);
                    elimine = true;
                    break;
                case NatureResultat.Dispense:
                    // R29, P4: out of both the points and the sum of coefficients.
                    issue = new(StatutUnite.Dispense, null, false, false, null);
                    break;
                case NatureResultat.Benefice:
                    issue = new(StatutUnite.Benefice, r.Note, true, true, ValiditeDesNotes.DerniereDateUtilisable(r.Obtention));
                    break;
                case NatureResultat.Report:
                    issue = new(StatutUnite.Report, r.Note, true, false, ValiditeDesNotes.DerniereDateUtilisable(r.Obtention));
                    break;
                case NatureResultat.EnAttente:
                    issue = new(StatutUnite.EnAttente, null, false, false, null);
                    enAttente = true;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(obligatoires), r.Nature, null);
            }

            if (issue.Comptee)
            {
                var produit = issue.Note.GetValueOrDefault() * u.Coefficient;
                points += produit;
                coefficients += u.Coefficient;
                if (u.Professionnelle)
                {
                    pointsPro += produit;
                    coefficientsPro += u.Coefficient;
                }
            }

            sortie[i] = issue;
        }

        decimal bonus = 0m;
        for (var j = 0; j < facultatives.Length; j++)
        {
            ref readonly var u = ref facultatives[j];
            var r = u.Resultat;
            UniteDeliberee issue;
            switch (r.Nature)
            {
                case NatureResultat.Note:
                    // R31, P5: only the part above 10 counts, times the unit's coefficient.
                    var excedent = r.Note - NoteSur20.Moyenne;
                    var ajoute = excedent > 0m;
                    if (ajoute)
                    {
                        bonus += excedent * u.Coefficient;
                    }

                    issue = new(StatutUnite.Presente, r.Note, ajoute, NoteSur20.EstAcquise(r.Note),
                        NoteSur20.EstAcquise(r.Note) || forme == FormePassage.Progressive ? validiteSession : null);
                    break;
                case NatureResultat.AbsenceJustifiee:
                    // R35, P6: no bonus, no elimination.
                    issue = new(StatutUnite.AbsentJustifie, null, false, false, null);
                    break;
                case NatureResultat.AbsenceNonJustifiee:
                    issue = new(StatutUnite.AbsentNonJustifie, null, false, false, null);
                    elimine |= parametres.AbsenceFacultativeEliminatoire;
                    break;
                case NatureResultat.EnAttente:
                    issue = new(StatutUnite.EnAttente, null, false, false, null);
                    break;
                case NatureResultat.Dispense:
                case NatureResultat.Benefice:
                case NatureResultat.Report:
                default:
                    throw new ArgumentOutOfRangeException(nameof(facultatives), r.Nature, null);
            }

            sortie[obligatoires.Length + j] = issue;
        }

        decimal? moyenne = enAttente || coefficients == 0m ? null : (points + bonus) / coefficients;
        decimal? moyennePro = coefficientsPro == 0m ? null : pointsPro / coefficientsPro;

        // R38 wins over everything; "eliminated" wins over "incomplete" (simulation-api.md).
        var decision = elimine ? Decision.Elimine
            : enAttente ? Decision.Incomplet
            : moyenne >= NoteSur20.Moyenne ? Decision.Admis // P7: exact value, 9.995 is not 10
            : Decision.Ajourne;

        // P9, R43: deferred, 8 <= average < 10, professional average >= 10.
        var controle = decision == Decision.Ajourne
                       && moyenne >= SeuilEpreuvesDeControle
                       && moyennePro >= NoteSur20.Moyenne;

        return new ResultatDeliberation(decision, moyenne, points, coefficients, bonus, controle, moyennePro);
    }
}
