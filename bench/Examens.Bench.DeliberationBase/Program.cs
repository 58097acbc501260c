using System.Diagnostics;
using System.Globalization;
using Examens.Core.Catalogue;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Core.Sessions;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

// The deliberation of a whole session from the database and back (read the grades, compute, store the decisions).
// Usage: dotnet run -c Release --project bench/Examens.Bench.DeliberationBase -- [candidats] ["Host=… (PostgreSQL)"]
// Without a connection string: a SQLite file in a temporary folder. The database is generated first (not timed).
var nombre = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 250_000;
var dossier = Directory.CreateTempSubdirectory("examens-bench-");
var chaine = args.Length > 1 ? args[1] : $"Data Source={Path.Combine(dossier.FullName, "bench.db")}";
var fr = CultureInfo.GetCultureInfo("fr-FR");
var options = new DbContextOptionsBuilder<ExamensDbContext>();
PersistanceExtensions.Configurer(options, chaine);
ExamensDbContext Contexte() => new(options.Options);

await using (var db = Contexte())
{
    await db.Database.EnsureDeletedAsync();
    await db.Database.MigrateAsync();
}

string[] unites = ["U1", "U21", "U22", "U3", "U41", "U42", "U5", "U6"]; // MCO: 8 compulsory units
var aleatoire = new Random(20240705);
var generation = Stopwatch.StartNew();
int sessionId;
await using (var db = Contexte())
{
    var session = new SessionExamen { Annee = 2024, Libelle = "Session générée", DateDeliberation = new DateOnly(2024, 7, 5) };
    var academie = new AcademieSession { Code = "GEN", Nom = "Académie générée" };
    academie.DefinirFenetre(new DateTime(2023, 10, 10, 14, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0), "Europe/Paris");
    session.Academies.Add(academie);
    db.Sessions.Add(session);
    await db.SaveChangesAsync();
    sessionId = session.Id;
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var donnees = new DonneesInscription { Specialite = "MCO", Forme = FormePassage.Globale };
    for (var debut = 0; debut < nombre; debut += 5_000)
    {
        for (var c = debut; c < Math.Min(nombre, debut + 5_000); c++)
        {
            var compte = new Compte { Id = $"c{c:D7}", UserName = $"c{c}@bench.invalid", Email = $"c{c}@bench.invalid", SecurityStamp = "x", ConcurrencyStamp = "x" };
            db.Users.Add(compte);
            var inscription = new Inscription { Id = Guid.NewGuid(), Numero = $"GEN-{c:D7}", CandidatId = compte.Id, AcademieSessionId = academie.Id };
            inscription.AjouterVersion(new DateTime(2023, 11, 1, 10, 0, 0, DateTimeKind.Utc), "{}", new string('0', 64), "0000-0000-0000", donnees);
            db.Inscriptions.Add(inscription);
            foreach (var u in unites)
            {
                var tirage = aleatoire.Next(100);
                db.NotesUnites.Add(tirage switch
                {
                    < 90 => new NoteUnite { InscriptionId = inscription.Id, Unite = u, Nature = NatureResultat.Note, Note = decimal.Round((decimal)(aleatoire.NextDouble() * 20), 2) },
                    < 96 => new NoteUnite { InscriptionId = inscription.Id, Unite = u, Nature = NatureResultat.Benefice, Note = 12.5m, ObtenueLe = new DateOnly(2022, 7, 1) },
                    < 99 => new NoteUnite { InscriptionId = inscription.Id, Unite = u, Nature = NatureResultat.AbsenceJustifiee },
                    _ => new NoteUnite { InscriptionId = inscription.Id, Unite = u, Nature = NatureResultat.AbsenceNonJustifiee },
                });
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

Console.WriteLine(string.Create(fr, $"Base {PersistanceExtensions.FournisseurDe(chaine)} générée : {nombre:N0} candidats × {unites.Length} unités en {generation.Elapsed.TotalSeconds:N1} s (non mesuré)"));
var catalogue = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut);
var chrono = Stopwatch.StartNew();
DelibererSession.Bilan bilan;
await using (var db = Contexte())
{
    bilan = await new DelibererSession(db, catalogue, TimeProvider.System).ExecuterAsync(sessionId, null, CancellationToken.None);
}

chrono.Stop();
var memoire = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
Console.WriteLine(string.Create(fr, $"Délibération de la session : {bilan.Deliberes:N0} candidats en {chrono.Elapsed.TotalSeconds:N2} s ({bilan.Deliberes / chrono.Elapsed.TotalSeconds:N0} candidats/s)"));
Console.WriteLine(string.Create(fr, $"  lecture {bilan.Lecture.TotalSeconds:N2} s · calcul {bilan.Calcul.TotalSeconds:N2} s · écriture {bilan.Ecriture.TotalSeconds:N2} s · mémoire max {memoire:N0} Mo"));
Console.WriteLine(string.Create(fr, $"  admis {bilan.Admis:N0} · ajournés {bilan.Ajournes:N0} · éliminés {bilan.Elimines:N0} · incomplets {bilan.Incomplets:N0}"));
Console.WriteLine(chrono.Elapsed.TotalSeconds < 20 ? "  objectif (moins de 20 s) : atteint" : "  objectif (moins de 20 s) : NON atteint");
if (args.Length > 1)
{
    await using var db = Contexte();
    await db.Database.EnsureDeletedAsync();
}

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
dossier.Delete(true);
