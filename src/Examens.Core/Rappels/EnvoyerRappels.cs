using Examens.Core.Courriels;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Examens.Core.Rappels;

/// <summary>
/// One reminder pass (run by the background work, or directly by a test). A candidate is reminded when their
/// registration is still a draft (never submitted: the deadline is the close of the window), or is submitted with a
/// required document missing or rejected (the deadline is the documents deadline, the close by default, P13). A document
/// received and not yet checked needs nothing from the candidate: no reminder for it.
/// <para>
/// The delays (7 days, 2 days, 6 hours by default) cut the time before the deadline into slots: the reminder of a delay
/// is due from (deadline − delay) until the next, shorter delay's moment (the last one until the deadline). A pass sends
/// only the reminder of the slot it is in, so a reminder whose slot has gone by (the host was down) is never sent late
/// and out of order: the candidate gets the next one, on time. Each reminder is claimed by inserting its row (unique on
/// registration and delay) before the e-mail leaves: a second node or a restarted host finds it taken. An e-mail that
/// cannot leave releases its claim so a later pass of the same slot tries again.
/// </para>
/// </summary>
public sealed partial class EnvoyerRappels(
    ExamensDbContext db, VerifierBrouillon verificateur, IEnvoiCourriel courriels, OptionsRappels options, TimeProvider horloge, ILogger<EnvoyerRappels> journal)
{
    public const string Acteur = "systeme";

    /// <summary>Sends the reminders due now; returns how many left.</summary>
    public async Task<int> ExecuterAsync(CancellationToken annulation)
    {
        if (!options.Actifs)
        {
            return 0;
        }

        var maintenant = horloge.GetUtcNow();
        var delais = options.DelaisTries;
        var instant = maintenant.UtcDateTime;
        var horizon = (maintenant + delais[0]).UtcDateTime;
        // Academies open now whose close is within the longest delay and whose last deadline (the close, or a later
        // documents deadline) is still ahead; each registration's own slot is settled below.
        var academies = await db.AcademiesSessions.Include(a => a.Session)
            .Where(a => !a.Session.ConvocationsPubliees && a.OuvertureUtc <= instant && a.FermetureUtc <= horizon)
            .ToListAsync(annulation).ConfigureAwait(false);
        var concernees = academies
            .Where(a => DelaiDesPieces.DateLimite(a.Fenetre, a.DateLimitePieces) > maintenant)
            .Select(a => a.Id)
            .ToList();
        if (concernees.Count == 0)
        {
            return 0;
        }

        var inscriptions = await db.Inscriptions
            .Where(i => concernees.Contains(i.AcademieSessionId) && (i.Etat == EtatInscription.Brouillon || i.Etat == EtatInscription.Soumise))
            .Include(i => i.Versions)
            .Include(i => i.Pieces)
            .AsSplitQuery()
            .ToListAsync(annulation).ConfigureAwait(false);
        var ids = inscriptions.Select(i => i.Id).ToList();
        var dejaFaits = (await db.RappelsEnvoyes.Where(r => ids.Contains(r.InscriptionId)).Select(r => new { r.InscriptionId, r.DelaiMinutes })
            .ToListAsync(annulation).ConfigureAwait(false)).Select(r => (r.InscriptionId, r.DelaiMinutes)).ToHashSet();
        var candidatsIds = inscriptions.Select(i => i.CandidatId).Distinct().ToList();
        var comptes = await db.Users.Where(u => candidatsIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, annulation).ConfigureAwait(false);

        var envoyes = 0;
        foreach (var inscription in inscriptions)
        {
            if (!comptes.TryGetValue(inscription.CandidatId, out var compte) || string.IsNullOrWhiteSpace(compte.Email))
            {
                continue;
            }

            var dossier = EtatDossier.Construire(inscription, compte, verificateur, maintenant);
            if (Motif(dossier) is not { } motif)
            {
                continue;
            }

            var echeance = motif.Echeance;
            if (Creneau(delais, echeance, maintenant) is not { } delai)
            {
                continue;
            }

            var minutes = (int)delai.TotalMinutes;
            if (dejaFaits.Contains((inscription.Id, minutes)))
            {
                continue;
            }

            if (await EnvoyerAsync(inscription, compte.Email, motif, minutes, annulation).ConfigureAwait(false))
            {
                envoyes++;
            }
        }

        return envoyes;
    }

    /// <summary>What the candidate still has to do, and by when; null when nothing (complete, or only waiting for the office).</summary>
    public static MotifRappel? Motif(EtatDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var academie = dossier.Inscription.AcademieSession;
        var manquantes = dossier.Pieces.Where(p => p.Courante is null || p.Courante.Etat == EtatPiece.Refusee).ToList();
        return dossier.Inscription.Etat switch
        {
            EtatInscription.Brouillon => new MotifRappel(true, academie.Fenetre.Fermeture, manquantes),
            EtatInscription.Soumise when manquantes.Count > 0 => new MotifRappel(false, DelaiDesPieces.DateLimite(academie.Fenetre, academie.DateLimitePieces), manquantes),
            _ => null,
        };
    }

    /// <summary>The delay whose slot contains <paramref name="maintenant"/>: from deadline − delay to the next delay's moment.</summary>
    public static TimeSpan? Creneau(IReadOnlyList<TimeSpan> delaisTries, DateTimeOffset echeance, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(delaisTries);
        for (var k = 0; k < delaisTries.Count; k++)
        {
            var debut = echeance - delaisTries[k];
            var fin = k + 1 < delaisTries.Count ? echeance - delaisTries[k + 1] : echeance;
            if (maintenant >= debut && maintenant < fin)
            {
                return delaisTries[k];
            }
        }

        return null;
    }

    private async Task<bool> EnvoyerAsync(Inscription inscription, string adresse, MotifRappel motif, int minutes, CancellationToken annulation)
    {
        var rappel = new RappelEnvoye
        {
            InscriptionId = inscription.Id,
            DelaiMinutes = minutes,
            EcheanceUtc = motif.Echeance.UtcDateTime,
            EnvoyeLeUtc = horloge.GetUtcNow().UtcDateTime,
            Objet = motif.Objet,
        };
        db.RappelsEnvoyes.Add(rappel);
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another node (or an earlier pass) claimed it first: it is theirs to send.
            db.Entry(rappel).State = EntityState.Detached;
            return false;
        }

        try
        {
            await courriels.EnvoyerAsync(Courriel(adresse, inscription, motif), annulation).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the claim is released and the next pass of the same slot tries again; the pass goes on.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            JournalEchec(journal, e.GetType().Name);
            await db.RappelsEnvoyes.Where(r => r.Id == rappel.Id).ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
            db.Entry(rappel).State = EntityState.Detached;
            return false;
        }

        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = rappel.EnvoyeLeUtc,
            Acteur = Acteur,
            Action = "rappel.envoye",
            Cible = $"inscription:{inscription.Id}",
            Apres = $"rappel {RappelEnvoye.LibelleDelai(minutes)} : {motif.Objet}",
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return true;
    }

    private Courriel Courriel(string adresse, Inscription inscription, MotifRappel motif)
    {
        var academie = inscription.AcademieSession;
        var limite = $"{Francais.DateHeure(TimeZoneInfo.ConvertTime(motif.Echeance, academie.FuseauHoraire).DateTime)} (heure de {academie.Fuseau})";
        var lien = $"{options.AdressePortail}/candidat/inscriptions/{inscription.Id}/{(motif.Brouillon ? "recapitulatif" : "pieces")}";
        var pieces = motif.Pieces.Count == 0 ? "" : "\n\nPièces justificatives à déposer :\n" + string.Join("\n", motif.Pieces.Select(p =>
            p.Courante is { Etat: EtatPiece.Refusee } r
                ? $"- {p.Demande.Piece} – {p.Demande.Libelle} : refusée ({r.MotifRefus}), déposez un nouveau fichier"
                : $"- {p.Demande.Piece} – {p.Demande.Libelle} : manquante"));
        var situation = motif.Brouillon
            ? $"Votre inscription n° {inscription.Numero} n'est pas soumise : tant qu'elle ne l'est pas, elle ne parvient pas au service des examens "
              + $"et vous n'êtes pas inscrit(e). Vérifiez-la et soumettez-la avant le {limite}."
            : $"Votre dossier d'inscription n° {inscription.Numero} est incomplet. Déposez les pièces ci-dessous avant le {limite}.";
        return new Courriel(adresse, $"Rappel : {(motif.Brouillon ? "inscription non soumise" : "dossier incomplet")} – inscription {inscription.Numero}", $"""
            Bonjour,

            {situation}{pieces}

            Votre inscription : {lien}

            Le service des examens
            """);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rappel non envoyé ({Erreur}) : il sera retenté au passage suivant.")]
    private static partial void JournalEchec(ILogger journal, string erreur);
}

/// <summary>Why a candidate is reminded: a draft never submitted, or documents missing or rejected; and the deadline.</summary>
public sealed record MotifRappel(bool Brouillon, DateTimeOffset Echeance, IReadOnlyList<LignePiece> Pieces)
{
    public string Objet => Brouillon
        ? "inscription non soumise"
        : $"pièces manquantes ou refusées : {string.Join(", ", Pieces.Select(p => p.Demande.Piece))}";
}
