using System.Globalization;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Sessions;

/// <summary>An administrator creates a session: its year, its label and its planned deliberation date (P1); written in the trail.</summary>
public sealed class CreerSession(ExamensDbContext db, TimeProvider horloge)
{
    public const int LibelleMax = 120;

    /// <summary>The label of a session named the same, ignoring case and surrounding spaces (few sessions: read in .NET, the same on both databases).</summary>
    private async Task<string?> LibelleExistantAsync(string libelle, CancellationToken annulation) =>
        (await db.Sessions.AsNoTracking().Select(s => s.Libelle).ToListAsync(annulation).ConfigureAwait(false))
            .FirstOrDefault(l => string.Equals(l.Trim(), libelle, StringComparison.OrdinalIgnoreCase));

    public async Task<ResultatOperation<SessionExamen>> ExecuterAsync(
        int? annee, string? libelle, DateOnly? dateDeliberation, string acteurId, string? adresse, CancellationToken annulation)
    {
        libelle = (libelle ?? "").Trim();
        var erreurs = new List<ErreurRegle>();
        if (annee is not (>= 2000 and <= 2100))
        {
            erreurs.Add(new ErreurRegle("R1", "YEAR_INVALID", "Indiquez l'année de la session, entre 2000 et 2100 (par exemple 2026).", "Annee"));
        }

        // The column's length (SessionExamenConfiguration): a longer label would be refused by PostgreSQL on save.
        if (libelle.Length is 0 or > LibelleMax)
        {
            erreurs.Add(new ErreurRegle("", "LABEL_REQUIRED", $"Indiquez le libellé de la session ({LibelleMax} caractères au plus), par exemple « BTS session 2026 ».", "Libelle"));
        }
        else if (await LibelleExistantAsync(libelle, annulation).ConfigureAwait(false) is { } existant)
        {
            // Two sessions with one label could not be told apart in the lists (staff pages, candidates' choice).
            erreurs.Add(new ErreurRegle("", "LABEL_TAKEN", $"Une session « {existant} » existe déjà : choisissez un autre libellé.", "Libelle"));
        }

        if (dateDeliberation is null)
        {
            erreurs.Add(new ErreurRegle("P1", "DELIBERATION_REQUIRED",
                "Indiquez la date prévue de délibération (jj/mm/aaaa) : elle sert de date de référence pour la validité des notes.", "DateDeliberation"));
        }
        else if (annee is >= 2000 and <= 2100 && Math.Abs(dateDeliberation.Value.Year - annee.Value) > 1)
        {
            erreurs.Add(new ErreurRegle("P1", "DELIBERATION_INVALID",
                $"La délibération d'une session {annee} a lieu en {annee} : vérifiez l'année de la date de délibération.", "DateDeliberation"));
        }

        if (erreurs.Count > 0)
        {
            return ResultatOperation.Echec<SessionExamen>(erreurs);
        }

        var session = new SessionExamen { Annee = annee!.Value, Libelle = libelle, DateDeliberation = dateDeliberation!.Value };
        // The session and its trail entry together: the entry names the session's number, known once it is inserted.
        var strategie = db.Database.CreateExecutionStrategy();
        await strategie.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false);
            db.Sessions.Add(session);
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            db.Journal.Add(new EvenementJournal
            {
                InstantUtc = horloge.GetUtcNow().UtcDateTime,
                Acteur = acteurId,
                Action = "session.creee",
                Cible = $"session:{session.Id}",
                Apres = $"{session.Annee} ; {session.Libelle} ; délibération le {session.DateDeliberation.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                Adresse = adresse,
            });
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            await transaction.CommitAsync(annulation).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return ResultatOperation.Succes(session);
    }
}
