using Examens.Core.Catalogue;
using Examens.Core.Convocations;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Catalogue;

namespace Examens.Core.Tests.Outils;

/// <summary>A session ready for its convocations: one centre, every MS unit timetabled, the results announced.</summary>
public static class Convocations
{
    public static readonly CatalogueBts Catalogue = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut);

    public static VerifierBrouillon Verificateur => new(Catalogue);

    public static readonly string[] UnitesMs = ["U1", "U2", "U31", "U32", "U4", "U51", "U52", "U53", "U61", "U62", "UF1"];

    public static async Task<CentreExamen> PreparerAsync(ExamensDbContext db, int sessionId, int capacite = 100)
    {
        ArgumentNullException.ThrowIfNull(db);
        var centre = new CentreExamen { SessionId = sessionId, CodeAcademie = "SIEC", Nom = "Lycée Arago", Adresse = "4 place de la Nation\n75012 Paris", Capacite = capacite };
        db.CentresExamen.Add(centre);
        for (var i = 0; i < UnitesMs.Length; i++)
        {
            db.HorairesEpreuves.Add(new HoraireEpreuve
            {
                SessionId = sessionId, Specialite = "MS", Unite = UnitesMs[i],
                Date = new DateOnly(2024, 5, 13).AddDays(i / 2), Debut = i % 2 == 0 ? new TimeOnly(9, 0) : new TimeOnly(14, 0), DureeMinutes = 240,
            });
        }

        db.AnnoncesResultats.Add(new AnnonceResultats
        {
            SessionId = sessionId, Date = new DateOnly(2024, 7, 5), Heure = new TimeOnly(10, 0),
            Lieux = "En ligne sur le site du SIEC (OCEAN)\nAffichage au SIEC, 7 rue Ernest-Renan, Arcueil",
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return centre;
    }
}
