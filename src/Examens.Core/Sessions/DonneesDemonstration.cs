using Examens.Core.Persistance;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Sessions;

/// <summary>
/// The demonstration data the README's run command starts with: the BTS 2024 session of the seed with its real, past
/// windows, and a demonstration session, clearly labelled, whose window is open at the first start.
/// </summary>
public static class DonneesDemonstration
{
    public const string LibelleDemonstration = "Session de démonstration (règlements BTS 2024)";

    public static async Task InstallerAsync(ExamensDbContext db, TimeProvider horloge, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(horloge);
        if (await db.Sessions.AnyAsync(annulation).ConfigureAwait(false))
        {
            return;
        }

        // R56, R57: the seed's SIEC window, Nancy-Metz with its later documents deadline, Martinique in its own time.
        var bts2024 = new SessionExamen { Annee = 2024, Libelle = "BTS session 2024", DateDeliberation = new DateOnly(2024, 7, 5) };
        bts2024.Academies.Add(Academie("SIEC", "SIEC – Créteil, Paris, Versailles", new(2023, 10, 10, 14, 0, 0), new(2023, 11, 15, 17, 0, 0), "Europe/Paris"));
        var nancy = Academie("NANCY-METZ", "Académie de Nancy-Metz", new(2023, 10, 16, 12, 0, 0), new(2023, 11, 15, 17, 0, 0), "Europe/Paris");
        nancy.DateLimitePiecesLocale = new DateTime(2023, 11, 22, 22, 0, 0);
        bts2024.Academies.Add(nancy);
        bts2024.Academies.Add(Academie("MARTINIQUE", "Académie de la Martinique", new(2023, 10, 10, 8, 0, 0), new(2023, 11, 15, 17, 0, 0), "America/Martinique"));

        // The demonstration window: opened yesterday, closes at 17:00 Paris time 30 days after the first start.
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var maintenantLocal = TimeZoneInfo.ConvertTime(horloge.GetUtcNow(), paris).DateTime;
        var demo = new SessionExamen
        {
            Annee = 2024,
            Libelle = LibelleDemonstration,
            Demonstration = true,
            DateDeliberation = DateOnly.FromDateTime(maintenantLocal.AddMonths(8)),
        };
        demo.Academies.Add(Academie("DEMO", "Académie de démonstration", maintenantLocal.Date.AddDays(-1).AddHours(14), maintenantLocal.Date.AddDays(30).AddHours(17), "Europe/Paris"));
        var demoEnLigne = Academie("DEMO-EN-LIGNE", "Académie de démonstration (validation en ligne)", maintenantLocal.Date.AddDays(-1).AddHours(14), maintenantLocal.Date.AddDays(30).AddHours(17), "Europe/Paris");
        demoEnLigne.ModeConfirmation = ModeConfirmation.ValidationEnLigne;
        demo.Academies.Add(demoEnLigne);

        db.Sessions.AddRange(bts2024, demo);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    private static AcademieSession Academie(string code, string nom, DateTime ouverture, DateTime fermeture, string fuseau)
    {
        var a = new AcademieSession { Code = code, Nom = nom, MaxUnitesFacultatives = ParametresSession.MaxUnitesFacultativesParDefaut(2024) };
        a.DefinirFenetre(ouverture, fermeture, fuseau);
        return a;
    }
}
