using System.Text.RegularExpressions;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Journal;

/// <summary>
/// The trail of one file: the entries about the registration and about its candidate's identity, oldest first, with
/// each action and state in plain French. The caller has already checked who may read it (scoped load).
/// </summary>
public static partial class JournalDossier
{
    public sealed record Entree(DateTime InstantUtc, string ActeurId, string Action, string? Avant, string? Apres, string? Motif, string? Adresse)
    {
        public string Libelle => LibelleAction(Action);
    }

    public static async Task<IReadOnlyList<Entree>> LireAsync(ExamensDbContext db, Inscription inscription, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inscription);
        var cible = TraceInscription.Cible(inscription.Id);
        var compte = TraceInscription.CibleCompte(inscription.CandidatId);
        var entrees = await db.Journal.Where(e => e.Cible == cible || e.Cible == compte)
            .OrderBy(e => e.InstantUtc).ThenBy(e => e.Id).ToListAsync(annulation).ConfigureAwait(false);
        return [.. entrees.Select(e => new Entree(e.InstantUtc, e.Acteur, e.Action, EnFrancais(e.Avant), EnFrancais(e.Apres), e.Motif, e.Adresse))];
    }

    public static string LibelleAction(string action) => action switch
    {
        "inscription.commencee" => "Inscription commencée (brouillon)",
        "brouillon.enregistre" => "Brouillon enregistré",
        "inscription.soumise" => "Inscription soumise (nouvelle version)",
        "inscription.retiree" => "Inscription retirée",
        "inscription.ecartee" => "Inscription écartée",
        "inscription.reintegree" => "Inscription réintégrée",
        "inscription.modifiee" => "Inscription modifiée par le service des examens",
        "piece.deposee" => "Pièce déposée",
        "piece.remplacee" => "Pièce remplacée",
        "piece.examinee" => "Pièce examinée",
        "piece.consultee" => "Pièce consultée",
        "identite.correction.demandee" => "Correction d'identité demandée",
        "identite.correction.approuvee" => "Correction d'identité approuvée",
        "identite.correction.refusee" => "Correction d'identité refusée",
        "journal.exporte" => "Journal exporté",
        _ => action,
    };

    /// <summary>The stored states are enum names ("Refusee"): shown to people in French.</summary>
    public static string? EnFrancais(string? texte) => texte is null ? null : Etats().Replace(texte, m => m.Value switch
    {
        "Recue" => "reçue",
        "Acceptee" => "acceptée",
        "Refusee" => "refusée",
        "Soumise" => "soumise",
        "Retiree" => "retirée",
        "Ecartee" => "écartée",
        "Brouillon" => "brouillon",
        _ => m.Value,
    });

    [GeneratedRegex(@"\b(Recue|Acceptee|Refusee|Soumise|Retiree|Ecartee|Brouillon)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Etats();
}
