using Examens.Domain.Regles;

namespace Examens.Domain.Deliberations;

/// <summary>
/// What the jury may change after the computation (R37: the jury decides): points de jury added to the total, or a
/// decision set instead of the computed one. An eliminated candidate stays eliminated (R38: the diploma cannot be
/// awarded) and an incomplete one has no decision to change (R13).
/// </summary>
public static class DecisionDuJury
{
    public const decimal PointsJuryMaximum = 20m;

    public static bool Modifiable(Decision calculee) => calculee is Decision.Admis or Decision.Ajourne;

    public static ResultatDeliberation Appliquer(ResultatDeliberation calcule, decimal pointsJury, Decision? imposee)
    {
        if (!Modifiable(calcule.Decision) || (pointsJury == 0m && imposee is null))
        {
            return calcule;
        }

        var moyenne = calcule.Coefficients == 0m ? calcule.Moyenne
            : (calcule.Points + calcule.BonusFacultatif + pointsJury) / calcule.Coefficients;
        var decision = imposee ?? (moyenne >= NoteSur20.Moyenne ? Decision.Admis : Decision.Ajourne);
        var controle = decision == Decision.Ajourne
                       && moyenne >= Deliberation.SeuilEpreuvesDeControle
                       && calcule.MoyenneProfessionnelle >= NoteSur20.Moyenne;
        return calcule with { Decision = decision, Moyenne = moyenne, EpreuvesDeControle = controle };
    }
}
