using System.Globalization;
using System.Text.RegularExpressions;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Sessions;

/// <summary>
/// An administrator adds or edits an academy of a session: code and name, registration window in local date-times with
/// its IANA zone (P12, R57), documents deadline (P13), confirmation mode (P21) and the settings of decisions.md (P6,
/// P14, P20). Every field is checked and nothing is stored on an error. Once the window has opened its opening and zone
/// are fixed and the closing moves only through <see cref="ProlongerFenetre"/>, with a reason.
/// </summary>
public sealed partial class EnregistrerAcademie(ExamensDbContext db, TimeProvider horloge)
{
    /// <summary>What the form sends; date-times as typed ("2026-10-10T14:00" or "10/10/2026 14:00").</summary>
    public sealed record Saisie(
        string? Code, string? Nom, string? Fuseau, string? Ouverture, string? Fermeture, string? DateLimitePieces,
        string? ModeConfirmation, int? MaxUnitesFacultatives, bool AbsenceFacultativeEliminatoire, bool PieceD12Requise, bool PieceD13Requise);

    private static readonly string[] Formats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy 'à' HH:mm"];

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,19}$")]
    private static partial Regex CodeValide();

    public async Task<ResultatOperation<AcademieSession>> ExecuterAsync(
        int sessionId, int? academieId, Saisie saisie, string acteurId, string? adresse, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(saisie);
        var session = await db.Sessions.Include(s => s.Academies).FirstOrDefaultAsync(s => s.Id == sessionId, annulation).ConfigureAwait(false);
        var academie = academieId is null ? null : session?.Academies.FirstOrDefault(a => a.Id == academieId);
        if (session is null || (academieId is not null && academie is null))
        {
            return ResultatOperation.Echec<AcademieSession>(new ErreurRegle("", "NOT_FOUND", "Session ou académie introuvable.", null));
        }

        var erreurs = new List<ErreurRegle>();
        var maintenant = horloge.GetUtcNow();
        var ouverte = academie is not null && maintenant.UtcDateTime >= academie.OuvertureUtc;
        var code = academie?.Code ?? (saisie.Code ?? "").Trim().ToUpperInvariant();
        if (academie is null)
        {
            if (!CodeValide().IsMatch(code))
            {
                erreurs.Add(new ErreurRegle("R57", "CODE_INVALID",
                    "Le code de l'académie a 2 à 20 caractères : lettres sans accent, chiffres et tirets (par exemple NANCY-METZ).", "Saisie.Code"));
            }
            else if (session.Academies.Any(a => a.Code == code))
            {
                erreurs.Add(new ErreurRegle("R57", "CODE_TAKEN", $"La session a déjà une académie {code}.", "Saisie.Code"));
            }
        }

        var nom = (saisie.Nom ?? "").Trim();
        if (nom.Length is 0 or > 150)
        {
            erreurs.Add(new ErreurRegle("R57", "NAME_REQUIRED", "Indiquez le nom de l'académie (150 caractères au plus).", "Saisie.Nom"));
        }

        var nomFuseau = (saisie.Fuseau ?? "").Trim();
        TimeZoneInfo? fuseau = null;
        if (nomFuseau.Length == 0)
        {
            erreurs.Add(new ErreurRegle("P12", "ZONE_REQUIRED", "Indiquez le fuseau horaire de l'académie (nom IANA, par exemple Europe/Paris).", "Saisie.Fuseau"));
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(nomFuseau, out fuseau) || !fuseau.HasIanaId || nomFuseau.Length > 64)
        {
            fuseau = null;
            erreurs.Add(new ErreurRegle("P12", "ZONE_UNKNOWN",
                $"Le fuseau horaire « {nomFuseau} » n'existe pas : indiquez un nom IANA comme Europe/Paris, America/Martinique ou Indian/Reunion.", "Saisie.Fuseau"));
        }

        var ouverture = LireInstant(saisie.Ouverture, "Saisie.Ouverture", "l'ouverture des inscriptions", true, fuseau, erreurs);
        var fermeture = LireInstant(saisie.Fermeture, "Saisie.Fermeture", "la clôture des inscriptions", true, fuseau, erreurs);
        var limitePieces = LireInstant(saisie.DateLimitePieces, "Saisie.DateLimitePieces", "la date limite des pièces", false, fuseau, erreurs);
        if (fuseau is not null && ouverture is { } o && fermeture is { } f && HeureLocale.VersInstant(f, fuseau) <= HeureLocale.VersInstant(o, fuseau))
        {
            erreurs.Add(new ErreurRegle("P12", "WINDOW_INVALID", "La clôture des inscriptions doit être postérieure à leur ouverture.", "Saisie.Fermeture"));
        }

        // P13: the documents deadline defaults to the closing and may be later, never earlier.
        if (fuseau is not null && fermeture is { } fin && limitePieces is { } lp && HeureLocale.VersInstant(lp, fuseau) < HeureLocale.VersInstant(fin, fuseau))
        {
            erreurs.Add(new ErreurRegle("P13", "DEADLINE_BEFORE_CLOSING",
                "La date limite des pièces ne peut pas précéder la clôture des inscriptions : laissez-la vide pour qu'elle soit la clôture.", "Saisie.DateLimitePieces"));
        }

        if (!Enum.TryParse<ModeConfirmation>(saisie.ModeConfirmation, ignoreCase: false, out var mode) || !Enum.IsDefined(mode))
        {
            erreurs.Add(new ErreurRegle("P21", "MODE_INVALID", "Choisissez le mode de confirmation : papier signé ou validation en ligne.", "Saisie.ModeConfirmation"));
        }

        if (saisie.MaxUnitesFacultatives is not (>= 0 and <= 5))
        {
            erreurs.Add(new ErreurRegle("P14", "OPTIONAL_UNITS_INVALID",
                $"Indiquez le nombre maximal d'unités facultatives, entre 0 et 5 (décision P14 : {ParametresSession.MaxUnitesFacultativesParDefaut(session.Annee)} pour la session {session.Annee}).",
                "Saisie.MaxUnitesFacultatives"));
        }

        if (ouverte && academie is not null)
        {
            if (ouverture != academie.OuvertureLocale)
            {
                erreurs.Add(new ErreurRegle("P12", "OPENING_PAST", "Les inscriptions sont ouvertes : l'ouverture ne peut plus changer.", "Saisie.Ouverture"));
            }

            if (!string.Equals(nomFuseau, academie.Fuseau, StringComparison.Ordinal))
            {
                erreurs.Add(new ErreurRegle("P12", "ZONE_FIXED", "Les inscriptions sont ouvertes : le fuseau horaire ne peut plus changer.", "Saisie.Fuseau"));
            }

            if (fermeture != academie.FermetureLocale)
            {
                erreurs.Add(new ErreurRegle("P12", "CLOSING_NEEDS_REASON",
                    "Les inscriptions sont ouvertes : la clôture se modifie avec « Modifier la clôture », motif obligatoire.", "Saisie.Fermeture"));
            }
        }

        if (erreurs.Count > 0)
        {
            return ResultatOperation.Echec<AcademieSession>(erreurs);
        }

        var avant = academie is null ? null : Decrire(academie);
        academie ??= new AcademieSession { SessionId = session.Id, Code = code };
        academie.Nom = nom;
        if (!ouverte)
        {
            academie.DefinirFenetre(ouverture!.Value, fermeture!.Value, fuseau!.Id);
        }

        academie.DateLimitePiecesLocale = limitePieces;
        academie.ModeConfirmation = mode;
        academie.MaxUnitesFacultatives = saisie.MaxUnitesFacultatives!.Value;
        academie.AbsenceFacultativeEliminatoire = saisie.AbsenceFacultativeEliminatoire;
        academie.PieceD12Requise = saisie.PieceD12Requise;
        academie.PieceD13Requise = saisie.PieceD13Requise;
        var apres = Decrire(academie);
        if (avant == apres)
        {
            return ResultatOperation.Succes(academie);
        }

        var strategie = db.Database.CreateExecutionStrategy();
        await strategie.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false);
            if (academie.Id == 0)
            {
                db.AcademiesSessions.Add(academie);
            }

            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            db.Journal.Add(new EvenementJournal
            {
                InstantUtc = maintenant.UtcDateTime,
                Acteur = acteurId,
                Action = avant is null ? "academie.creee" : "academie.modifiee",
                Cible = $"academie:{academie.Id}",
                Avant = avant,
                Apres = apres,
                Adresse = adresse,
            });
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            await transaction.CommitAsync(annulation).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return ResultatOperation.Succes(academie);
    }

    /// <summary>Every setting in one line for the trail's before/after.</summary>
    public static string Decrire(AcademieSession a)
    {
        ArgumentNullException.ThrowIfNull(a);
        static string Oui(bool b) => b ? "oui" : "non";
        return string.Join(" ; ",
            $"{a.Code} – {a.Nom}",
            $"fuseau {a.Fuseau}",
            $"ouverture {Iso(a.OuvertureLocale)}",
            $"clôture {Iso(a.FermetureLocale)}",
            $"pièces jusqu'au {(a.DateLimitePiecesLocale is { } d ? Iso(d) : "clôture")}",
            $"confirmation {a.ModeConfirmation}",
            $"facultatives max {a.MaxUnitesFacultatives}",
            $"absence facultative éliminatoire {Oui(a.AbsenceFacultativeEliminatoire)}",
            $"D12 requise {Oui(a.PieceD12Requise)}",
            $"D13 requise {Oui(a.PieceD13Requise)}");
    }

    public static string Iso(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads a local date-time and checks it exists in the zone: a time in the spring gap is refused, not moved.</summary>
    public static DateTime? LireInstant(string? texte, string champ, string libelle, bool requis, TimeZoneInfo? fuseau, List<ErreurRegle> erreurs)
    {
        ArgumentNullException.ThrowIfNull(erreurs);
        texte = (texte ?? "").Trim();
        if (texte.Length == 0)
        {
            if (requis)
            {
                erreurs.Add(new ErreurRegle("P12", "DATE_REQUIRED", $"Indiquez la date et l'heure de {libelle} (heure locale de l'académie).", champ));
            }

            return null;
        }

        if (!DateTime.TryParseExact(texte, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            erreurs.Add(new ErreurRegle("P12", "DATE_INVALID", $"La date de {libelle} n'est pas lisible : écrivez-la jj/mm/aaaa hh:mm (par exemple 15/11/2026 17:00).", champ));
            return null;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (fuseau is not null && fuseau.IsInvalidTime(local))
        {
            erreurs.Add(new ErreurRegle("P12", "LOCAL_TIME_MISSING",
                $"L'heure de {libelle} ({local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}) n'existe pas dans le fuseau {fuseau.Id} : c'est le passage à l'heure d'été. Choisissez une autre heure.", champ));
            return null;
        }

        return local;
    }
}
