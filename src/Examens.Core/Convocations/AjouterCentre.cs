using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Convocations;

/// <summary>Adds an exam centre to a session for one academy of the officer's scope (R69); written in the trail.</summary>
public sealed class AjouterCentre(ExamensDbContext db, TimeProvider horloge)
{
    public const int CapaciteMaximale = 100_000;

    public async Task<ResultatOperation<CentreExamen>> ExecuterAsync(
        string acteur, bool administrateur, int sessionId, string? codeAcademie, string? nom, string? adresse, int? capacite, string? adresseIp, CancellationToken annulation)
    {
        var (session, erreur) = await AccesSession.ModifiableAsync(db, sessionId, annulation).ConfigureAwait(false);
        if (erreur is not null)
        {
            return ResultatOperation.Echec<CentreExamen>(erreur);
        }

        var erreurs = new List<ErreurRegle>();
        var academies = await AccesSession.AcademiesAsync(db, sessionId, acteur, administrateur, annulation).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(codeAcademie) || !academies.Contains(codeAcademie, StringComparer.Ordinal))
        {
            erreurs.Add(new("R69", "ACADEMY_INVALID", "Choisissez l'académie du centre parmi celles de votre périmètre.", "codeAcademie"));
        }

        nom = nom?.Trim();
        if (string.IsNullOrEmpty(nom) || nom.Length > 200)
        {
            erreurs.Add(new("R69", "NAME_INVALID", "Indiquez le nom du centre (200 caractères au plus).", "nom"));
        }
        else if (await db.CentresExamen.AnyAsync(c => c.SessionId == sessionId && c.Nom == nom, annulation).ConfigureAwait(false))
        {
            erreurs.Add(new("R69", "NAME_TAKEN", $"Un centre « {nom} » existe déjà pour cette session.", "nom"));
        }

        adresse = adresse?.Trim();
        if (string.IsNullOrEmpty(adresse) || adresse.Length > 500)
        {
            erreurs.Add(new("R69", "ADDRESS_INVALID", "Indiquez l'adresse du centre (500 caractères au plus) : elle est imprimée sur la convocation.", "adresse"));
        }

        if (capacite is not (>= 1 and <= CapaciteMaximale))
        {
            erreurs.Add(new("R69", "CAPACITY_INVALID", $"La capacité est un nombre entier de places entre 1 et {CapaciteMaximale}.", "capacite"));
        }

        if (erreurs.Count > 0)
        {
            return ResultatOperation.Echec<CentreExamen>(erreurs);
        }

        var centre = new CentreExamen { SessionId = session!.Id, CodeAcademie = codeAcademie!, Nom = nom!, Adresse = adresse!, Capacite = capacite!.Value };
        db.CentresExamen.Add(centre);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = acteur,
            Action = "centre.ajoute",
            Cible = $"centre:{centre.Id}",
            Apres = $"{centre.Nom} ({centre.CodeAcademie}), {centre.Capacite} places",
            Adresse = adresseIp,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(centre);
    }
}
