using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Catalogue;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Convocations;

/// <summary>Sets when a unit of a speciality is sat this session (date, start, duration); replaces an earlier line for it.</summary>
public sealed class DefinirHoraire(ExamensDbContext db, CatalogueBts catalogue, TimeProvider horloge)
{
    public async Task<ResultatOperation<HoraireEpreuve>> ExecuterAsync(
        string acteur, bool administrateur, int sessionId, string? specialite, string? unite, DateOnly? date, TimeOnly? debut, int? dureeMinutes, string? adresseIp, CancellationToken annulation)
    {
        var (session, erreur) = await AccesSession.ModifiableAsync(db, sessionId, annulation).ConfigureAwait(false);
        if (erreur is not null)
        {
            return ResultatOperation.Echec<HoraireEpreuve>(erreur);
        }

        // The timetable is the session's (one paper per speciality and unit): any member of staff of one of its academies.
        if ((await AccesSession.AcademiesAsync(db, sessionId, acteur, administrateur, annulation).ConfigureAwait(false)).Count == 0)
        {
            return ResultatOperation.Echec<HoraireEpreuve>(new ErreurRegle("R69", "NOT_FOUND", "Session introuvable.", null));
        }

        var erreurs = new List<ErreurRegle>();
        var s = string.IsNullOrWhiteSpace(specialite) ? null : catalogue.Trouver(specialite.Trim(), session!.Annee).Specialite;
        var u = s?.Trouver(unite?.Trim() ?? "");
        if (s is null)
        {
            erreurs.Add(new("R1", "SPECIALITY_UNKNOWN", $"Spécialité « {specialite} » inconnue pour la session {session!.Annee}.", "specialite"));
        }
        else if (u is not { EstUnite: true })
        {
            erreurs.Add(new("R4", "UNIT_UNKNOWN", $"« {unite} » n'est pas une unité de la spécialité {s.Code}.", "unite"));
        }

        if (date is null)
        {
            erreurs.Add(new("R69", "DATE_INVALID", "Indiquez la date de l'épreuve (JJ/MM/AAAA).", "date"));
        }

        if (debut is null)
        {
            erreurs.Add(new("R69", "TIME_INVALID", "Indiquez l'heure de début (HH:MM, heure locale de l'académie du centre).", "debut"));
        }

        if (dureeMinutes is not (>= 1 and <= 720))
        {
            erreurs.Add(new("R69", "DURATION_INVALID", "La durée est un nombre de minutes entre 1 et 720.", "duree"));
        }

        if (erreurs.Count > 0)
        {
            return ResultatOperation.Echec<HoraireEpreuve>(erreurs);
        }

        var ligne = await db.HorairesEpreuves.FirstOrDefaultAsync(h => h.SessionId == sessionId && h.Specialite == s!.Code && h.Unite == u!.Id, annulation).ConfigureAwait(false);
        var avant = ligne is null ? null : Texte(ligne);
        if (ligne is null)
        {
            ligne = new HoraireEpreuve { SessionId = sessionId, Specialite = s!.Code, Unite = u!.Id };
            db.HorairesEpreuves.Add(ligne);
        }

        ligne.Date = date!.Value;
        ligne.Debut = debut!.Value;
        ligne.DureeMinutes = dureeMinutes!.Value;
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = acteur,
            Action = "calendrier.defini",
            Cible = $"session:{sessionId}",
            Avant = avant,
            Apres = Texte(ligne),
            Adresse = adresseIp,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(ligne);
    }

    private static string Texte(HoraireEpreuve h) =>
        $"{h.Specialite} {h.Unite} le {Francais.Date(h.Date)} à {h.Debut.ToString("HH':'mm", Francais.Culture)}, {h.DureeMinutes} min";
}
