using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Convocations;

/// <summary>Sets the results date and places printed on the back of every convocation (R62, R69).</summary>
public sealed class AnnoncerResultats(ExamensDbContext db, TimeProvider horloge)
{
    public async Task<ResultatOperation<AnnonceResultats>> ExecuterAsync(
        string acteur, bool administrateur, int sessionId, DateOnly? date, TimeOnly? heure, string? lieux, string? adresseIp, CancellationToken annulation)
    {
        var (_, erreur) = await AccesSession.ModifiableAsync(db, sessionId, annulation).ConfigureAwait(false);
        if (erreur is not null)
        {
            return ResultatOperation.Echec<AnnonceResultats>(erreur);
        }

        if ((await AccesSession.AcademiesAsync(db, sessionId, acteur, administrateur, annulation).ConfigureAwait(false)).Count == 0)
        {
            return ResultatOperation.Echec<AnnonceResultats>(new ErreurRegle("R62", "NOT_FOUND", "Session introuvable.", null));
        }

        var erreurs = new List<ErreurRegle>();
        if (date is null)
        {
            erreurs.Add(new("R62", "DATE_INVALID", "Indiquez la date de publication des résultats (JJ/MM/AAAA).", "date"));
        }

        if (heure is null)
        {
            erreurs.Add(new("R62", "TIME_INVALID", "Indiquez l'heure de publication des résultats (HH:MM).", "heure"));
        }

        lieux = lieux?.Trim();
        if (string.IsNullOrEmpty(lieux) || lieux.Length > 1000)
        {
            erreurs.Add(new("R62", "PLACES_INVALID", "Indiquez où les résultats sont publiés (site, lieux d'affichage ; 1000 caractères au plus).", "lieux"));
        }

        if (erreurs.Count > 0)
        {
            return ResultatOperation.Echec<AnnonceResultats>(erreurs);
        }

        var annonce = await db.AnnoncesResultats.FirstOrDefaultAsync(a => a.SessionId == sessionId, annulation).ConfigureAwait(false);
        if (annonce is null)
        {
            annonce = new AnnonceResultats { SessionId = sessionId };
            db.AnnoncesResultats.Add(annonce);
        }

        annonce.Date = date!.Value;
        annonce.Heure = heure!.Value;
        annonce.Lieux = lieux!;
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = acteur,
            Action = "resultats.annonce",
            Cible = $"session:{sessionId}",
            Apres = $"{Francais.Date(annonce.Date)} {annonce.Heure.ToString("HH':'mm", Francais.Culture)} : {annonce.Lieux}",
            Adresse = adresseIp,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(annonce);
    }
}
