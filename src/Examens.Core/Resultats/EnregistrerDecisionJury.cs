using System.Globalization;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Resultats;

/// <summary>
/// The jury changes a candidate's outcome: points de jury, or the decision itself, always with a reason. The decision
/// is stored apart (<see cref="DecisionJury"/>) so a later deliberation applies it again, the stored result is updated
/// at once, and the trail gets before → after with the reason. Refused once the results are locked.
/// </summary>
public sealed class EnregistrerDecisionJury(ExamensDbContext db, CalculerResultatCandidat calcul, TimeProvider horloge)
{
    public async Task<ResultatOperation<ResultatInscription>> ExecuterAsync(
        Guid inscriptionId, decimal pointsJury, Decision? imposee, string? motif, string acteurId, string? adresse, CancellationToken annulation)
    {
        var resultat = await db.ResultatsInscriptions.FirstOrDefaultAsync(r => r.InscriptionId == inscriptionId, annulation).ConfigureAwait(false);
        var sessionId = await db.Inscriptions.Where(i => i.Id == inscriptionId).Select(i => (int?)i.AcademieSession.SessionId).FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        if (resultat is null || sessionId is null)
        {
            return Echec("NOT_DELIBERATED", "Ce candidat n'a pas encore été délibéré : lancez d'abord la délibération de la session.", null);
        }

        if (await db.PublicationsResultats.AnyAsync(p => p.SessionId == sessionId && p.VerrouillesLeUtc != null, annulation).ConfigureAwait(false))
        {
            return Echec("RESULTS_LOCKED", "Les résultats de cette session sont verrouillés : la décision du jury ne peut plus changer.", null);
        }

        motif = string.IsNullOrWhiteSpace(motif) ? null : motif.Trim();
        if (motif is null)
        {
            return Echec("REASON_REQUIRED", "Une décision du jury doit être motivée : écrivez le motif.", "motif");
        }

        if (motif.Length > 1000)
        {
            return Echec("REASON_TOO_LONG", "Le motif est trop long (1 000 caractères au plus).", "motif");
        }

        if (pointsJury < 0m || pointsJury > DecisionDuJury.PointsJuryMaximum || !NoteSur20.AAuPlusDeuxDecimales(pointsJury))
        {
            return Echec("JURY_POINTS_OUT_OF_RANGE",
                $"Les points de jury sont un nombre entre 0 et {Francais.Nombre(DecisionDuJury.PointsJuryMaximum)}, avec au plus deux décimales.", "pointsJury");
        }

        if (imposee is not null and not (Decision.Admis or Decision.Ajourne))
        {
            return Echec("JURY_DECISION_NOT_ALLOWED", "Le jury ne peut prononcer que « Admis » ou « Ajourné ».", "decision");
        }

        if (!DecisionDuJury.Modifiable(resultat.DecisionCalculee))
        {
            return Echec("JURY_CANNOT_CHANGE",
                resultat.DecisionCalculee == Decision.Elimine
                    ? "R38 : une absence non justifiée à une épreuve obligatoire est éliminatoire ; le jury ne peut pas changer cette décision."
                    : "R13 : des unités restent à passer ou sans note validée ; il n'y a pas encore de décision à modifier.", "decision");
        }

        var existante = await db.DecisionsJury.FirstOrDefaultAsync(d => d.InscriptionId == inscriptionId, annulation).ConfigureAwait(false);
        var avant = Decrire(resultat);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (existante is null)
        {
            existante = new DecisionJury { InscriptionId = inscriptionId };
            db.DecisionsJury.Add(existante);
        }

        existante.PointsJury = pointsJury;
        existante.DecisionImposee = imposee;
        existante.Motif = motif;
        existante.ActeurId = acteurId;
        existante.InstantUtc = maintenant;

        // The stored outcome follows at once, computed as the session's deliberation would: no need to run it again.
        var inscription = await db.Inscriptions.Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .FirstAsync(i => i.Id == inscriptionId, annulation).ConfigureAwait(false);
        var detail = await calcul.ExecuterAsync(inscription, null, existante, annulation).ConfigureAwait(false);
        if (detail is not null)
        {
            resultat.Decision = detail.Final.Decision;
            resultat.Moyenne = detail.Final.Moyenne;
            resultat.EpreuvesDeControle = detail.Final.EpreuvesDeControle;
        }

        resultat.PointsJury = pointsJury;
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = maintenant,
            Acteur = acteurId,
            Action = "deliberation.decision-jury",
            Cible = $"inscription:{inscriptionId}",
            Avant = avant,
            Apres = Decrire(resultat),
            Motif = motif,
            Adresse = adresse,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(resultat);
    }

    public static string Decrire(ResultatInscription r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Decision}, moyenne {CalculerResultatCandidat.Moyenne(r.Moyenne)}, points de jury {Francais.Nombre(r.PointsJury)}");

    private static ResultatOperation<ResultatInscription> Echec(string code, string message, string? champ) =>
        ResultatOperation.Echec<ResultatInscription>(new ErreurRegle("", code, message, champ));
}
