using Examens.Core.Comptes;
using Examens.Domain.Deliberations;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Tests.Pages.Gestion.Sessions;

public sealed class JuryTests
{
    private static async Task<(UsineExamens Usine, ClientPortail Agent, string Url, string Deliberation, Guid Id)> PreparerAsync(string baseDeDonnees)
    {
        var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        usine.Horloge.SetUtcNow(SessionDeliberee.Veille);
        await SessionDeliberee.CandidatAsync(usine, "bruno@exemple.fr");
        var id = await SessionDeliberee.InscrireAsync(usine, "bruno@exemple.fr", "Ajourne", SessionDeliberee.NotesAjourne);
        var session = SessionDeliberee.Session(usine);
        // Deliberating decides for every academy of the session: an officer of all of them runs it.
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC", "NANCY-METZ", "MARTINIQUE");
        var deliberation = $"/gestion/sessions/{session}/deliberation";
        await agent.SoumettreAsync(deliberation, [], "Deliberer");
        return (usine, agent, $"/gestion/sessions/{session}/jury/{id}", deliberation, id);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R37_P1_the_jury_page_shows_the_computation_line_by_line_with_the_kept_grade_and_the_rule(string baseDeDonnees)
    {
        var (usine, agent, url, _, _) = await PreparerAsync(baseDeDonnees);
        using var _u = usine;

        await agent.GetAsync(url);
        var page = agent.DernierePage;
        Assert.Contains("Jury – Camille Ajourne", page, StringComparison.Ordinal);
        // U1: 12 × 3 = 36, a grade of 10 or more that can be kept five years from this deliberation (P1).
        Assert.Matches(@"U1 – Culture générale et expression</th>\s*<td>12,00/20</td>\s*<td>12</td>\s*<td>3</td>\s*<td>36</td>\s*<td>bénéfice possible jusqu'au 5 juillet 2029</td>", page);
        // U21: 8 × 1.5 = 12; a grade under 10 in the global form is not carried (R15).
        Assert.Matches(@"U21 – [^<]+</th>\s*<td>8,00/20</td>\s*<td>8</td>\s*<td>1,5</td>\s*<td>12</td>\s*<td></td>", page);
        // U3: kept from the 2021 session, usable until the deliberation of 2 July 2026 (P1).
        Assert.Matches(@"U3 – [^<]+</th>\s*<td>13,00/20 \(bénéfice\)</td>\s*<td>13</td>\s*<td>3</td>\s*<td>39</td>\s*<td>obtenue à la session 2021, utilisable jusqu'à la délibération du 2 juillet 2026</td>", page);
        Assert.Contains("U41 – Développement de la relation client et vente conseil (professionnelle)", page, StringComparison.Ordinal);
        Assert.Contains("Décision : <strong>Ajourné</strong> – moyenne 9,64 – points 202,5 pour 21 coefficient(s)", page, StringComparison.Ordinal);
        Assert.Contains("R37, P7 : moyenne 9,64 (valeur exacte, non arrondie) inférieure à 10 : ajourné.", page, StringComparison.Ordinal);
        Assert.Contains("R15, R16, R22", page, StringComparison.Ordinal);
        Assert.Contains("épreuves de contrôle : non", page, StringComparison.Ordinal); // professional average 8.5 < 10 (P9)
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_what_if_shows_the_new_outcome_and_stores_nothing(string baseDeDonnees)
    {
        var (usine, agent, url, _, id) = await PreparerAsync(baseDeDonnees);
        using var _u = usine;
        var avant = await SessionDeliberee.ResultatAsync(usine, id);
        var journal = await SessionDeliberee.LireAsync(usine, db => db.Journal.CountAsync(TestContext.Current.CancellationToken));

        await agent.SoumettreAsync(url, [new("Essais[U41]", "17"), new("Essais[U5]", "")], "Essayer");
        // (202.5 + (17 − 7) × 3) / 21 = 11.0714…
        Assert.Contains("Simulation, non enregistrée :</strong> Admis – moyenne 11,07", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Décision : <strong>Ajourné</strong> – moyenne 9,64", agent.DernierePage, StringComparison.Ordinal);

        await agent.SoumettreAsync(url, [new("Essais[U41]", "21")], "Essayer");
        Assert.Contains("U41 : une note est un nombre entre 0 et 20", agent.DernierePage, StringComparison.Ordinal);

        var apres = await SessionDeliberee.ResultatAsync(usine, id);
        Assert.Equal((avant.Decision, avant.Moyenne, avant.DelibereLeUtc), (apres.Decision, apres.Moyenne, apres.DelibereLeUtc));
        Assert.Equal(7m, await SessionDeliberee.LireAsync(usine, db => db.NotesUnites.Where(n => n.InscriptionId == id && n.Unite == "U41").Select(n => n.Note!.Value).SingleAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(journal, await SessionDeliberee.LireAsync(usine, db => db.Journal.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await SessionDeliberee.LireAsync(usine, db => db.DecisionsJury.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_jury_decision_needs_a_reason_goes_in_the_trail_and_survives_a_new_deliberation(string baseDeDonnees)
    {
        var (usine, agent, url, deliberation, id) = await PreparerAsync(baseDeDonnees);
        using var _u = usine;

        await agent.SoumettreAsync(url, [new("PointsJury", "8"), new("Motif", "  ")], "Decider");
        Assert.Contains("Une décision du jury doit être motivée : écrivez le motif.", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("href=\"#Motif\"", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(0, await SessionDeliberee.LireAsync(usine, db => db.DecisionsJury.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(Decision.Ajourne, (await SessionDeliberee.ResultatAsync(usine, id)).Decision);

        // A negative number is said out of range (the range is given), not "not a number"; nothing is stored.
        await agent.SoumettreAsync(url, [new("PointsJury", "-1"), new("Motif", "Assiduité")], "Decider");
        Assert.Contains("Les points de jury sont un nombre entre 0 et", agent.DernierePage, StringComparison.Ordinal);
        Assert.Equal(0, await SessionDeliberee.LireAsync(usine, db => db.DecisionsJury.CountAsync(TestContext.Current.CancellationToken)));

        await agent.SoumettreAsync(url, [new("PointsJury", "8"), new("Motif", "Assiduité et progression constatées par le jury")], "Decider");
        // (202.5 + 8) / 21 = 10.0238…
        Assert.Contains("Décision du jury enregistrée avec son motif : Admis, moyenne 10,02.", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Décision du jury (points de jury +8, motif : Assiduité et progression constatées par le jury) : Admis, moyenne 10,02.", agent.DernierePage, StringComparison.Ordinal);
        var entree = await SessionDeliberee.LireAsync(usine, db => db.Journal.SingleAsync(e => e.Action == "deliberation.decision-jury", TestContext.Current.CancellationToken));
        Assert.Equal($"inscription:{id}", entree.Cible);
        Assert.Equal("Assiduité et progression constatées par le jury", entree.Motif);
        Assert.StartsWith("Ajourne, moyenne 9,64", entree.Avant, StringComparison.Ordinal);
        Assert.StartsWith("Admis, moyenne 10,02, points de jury 8", entree.Apres, StringComparison.Ordinal);

        await agent.SoumettreAsync(deliberation, [], "Deliberer");
        Assert.Contains("1 candidat(s), 1 admis, 0 ajourné(s)", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Admis (jury)", agent.DernierePage, StringComparison.Ordinal);
        var r = await SessionDeliberee.ResultatAsync(usine, id);
        Assert.Equal((Decision.Admis, Decision.Ajourne, 8m), (r.Decision, r.DecisionCalculee, r.PointsJury));
        Assert.Equal(210.5m / 21m, r.Moyenne!.Value, 8);

        // The jury may also set the decision itself, again with a reason.
        await agent.SoumettreAsync(url, [new("DecisionImposee", "Ajourne"), new("Motif", "Retour à la décision calculée")], "Decider");
        Assert.Equal(Decision.Ajourne, (await SessionDeliberee.ResultatAsync(usine, id)).Decision);
    }
}
