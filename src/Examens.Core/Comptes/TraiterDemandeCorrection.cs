using Examens.Core.Courriels;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Examens.Core.Comptes;

/// <summary>
/// An officer approves or refuses a candidate's identity correction request. On approval the account takes the
/// requested identity (which stays locked). One trail entry per decision (before → after, reason, who, address) and a
/// French e-mail to the candidate; a refusal needs a reason.
/// </summary>
public sealed partial class TraiterDemandeCorrection(ExamensDbContext db, IEnvoiCourriel courriels, TimeProvider horloge, ILogger<TraiterDemandeCorrection> journal)
{
    public sealed record Traitee(DemandeCorrectionIdentite Demande, bool CourrielEnvoye);

    /// <summary>The pending requests of candidates having a registration in the scope (every one for an administrator).</summary>
    public static IQueryable<DemandeCorrectionIdentite> DuPerimetre(ExamensDbContext db, string compteId, bool administrateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inscriptions = ChargerInscription.DuPerimetre(db, compteId, administrateur);
        return db.DemandesCorrectionIdentite.Where(d => d.Etat == EtatDemandeCorrection.EnAttente && inscriptions.Any(i => i.CandidatId == d.CandidatId));
    }

    public async Task<ResultatOperation<Traitee>> ExecuterAsync(
        string acteurId, bool administrateur, Guid demandeId, bool approuver, string? motif, string? adresse, CancellationToken annulation)
    {
        var demande = await DuPerimetre(db, acteurId, administrateur).FirstOrDefaultAsync(d => d.Id == demandeId, annulation).ConfigureAwait(false);
        var compte = demande is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == demande.CandidatId, annulation).ConfigureAwait(false);
        if (demande is null || compte is null)
        {
            return ResultatOperation.Echec<Traitee>(new ErreurRegle("", "NOT_FOUND", "Demande introuvable ou déjà traitée.", null));
        }

        motif = string.IsNullOrWhiteSpace(motif) ? null : motif.Trim();
        if (!approuver && motif is null)
        {
            return ResultatOperation.Echec<Traitee>(new ErreurRegle("", "REASON_REQUIRED",
                "Un refus doit être motivé : écrivez le motif (le candidat le lira).", "motif"));
        }

        if (Validation.TexteLibre.Probleme(motif, "Le motif") is { } probleme)
        {
            return ResultatOperation.Echec<Traitee>(new ErreurRegle("", "REASON_INVALID", probleme, "motif"));
        }

        if (motif is { Length: > 1000 })
        {
            return ResultatOperation.Echec<Traitee>(new ErreurRegle("", "REASON_TOO_LONG", "Le motif est trop long (1 000 caractères au plus).", "motif"));
        }

        var avant = Decrire(compte.Nom, compte.Prenoms, compte.DateNaissance, compte.LieuNaissance);
        if (approuver)
        {
            compte.Nom = demande.Nom;
            compte.Prenoms = demande.Prenoms;
            compte.DateNaissance = demande.DateNaissance;
            compte.LieuNaissance = demande.LieuNaissance;
        }

        var maintenant = horloge.GetUtcNow().UtcDateTime;
        demande.Etat = approuver ? EtatDemandeCorrection.Approuvee : EtatDemandeCorrection.Refusee;
        demande.MotifDecision = motif;
        demande.DecideeLeUtc = maintenant;
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = maintenant,
            Acteur = acteurId,
            Action = approuver ? "identite.correction.approuvee" : "identite.correction.refusee",
            Cible = $"compte:{compte.Id}",
            Avant = avant,
            Apres = approuver ? Decrire(compte.Nom, compte.Prenoms, compte.DateNaissance, compte.LieuNaissance) : avant,
            Motif = motif,
            Adresse = adresse,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);

        var envoye = compte.Email is { } courriel && await EnvoyerAsync(Courriel(courriel, demande), annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(new Traitee(demande, envoye));
    }

    public static string Decrire(string nom, string prenoms, DateOnly? naissance, string lieu) =>
        $"{nom} / {prenoms} / {(naissance is { } n ? Francais.Date(n) : "date inconnue")} / {lieu}";

    private static Courriel Courriel(string adresse, DemandeCorrectionIdentite demande)
    {
        var identite = $"{demande.Prenoms} {demande.Nom}, né(e) le {Francais.Date(demande.DateNaissance)} à {demande.LieuNaissance}";
        var corps = demande.Etat == EtatDemandeCorrection.Approuvee
            ? $"""
              Votre demande de correction d'identité a été approuvée par le service des examens.

              Votre identité est désormais : {identite}.{(demande.MotifDecision is { } m ? $"\n\nPrécision : {m}" : "")}
              """
            : $"""
              Votre demande de correction d'identité ({identite}) a été refusée par le service des examens.

              Motif : {demande.MotifDecision}

              Votre identité reste inchangée. Vous pouvez faire une nouvelle demande avec un autre justificatif.
              """;
        return new Courriel(adresse,
            $"Correction d'identité {(demande.Etat == EtatDemandeCorrection.Approuvee ? "approuvée" : "refusée")}", $"""
            Bonjour,

            {corps}

            Le service des examens
            """);
    }

    private async Task<bool> EnvoyerAsync(Courriel courriel, CancellationToken annulation)
    {
        try
        {
            await courriels.EnvoyerAsync(courriel, annulation).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // the decision is saved; the officer is told the mail could not leave.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            JournalEchec(journal, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Courriel de correction d'identité non envoyé ({Erreur}).")]
    private static partial void JournalEchec(ILogger journal, string erreur);
}
