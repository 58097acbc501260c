using System.Diagnostics;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Catalogue;
using Examens.Domain.Common;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Examens.Core.Resultats;

/// <summary>
/// Deliberates every submitted registration of a session with the engine (R37–R45, P1–P11): reads the validated
/// grades in one ordered stream, computes each candidate with the coefficients of their speciality and option, and
/// replaces the session's stored decisions. Deliberating again gives the same decisions (it is a pure computation).
/// </summary>
public sealed class DelibererSession(ExamensDbContext db, CatalogueBts catalogue, TimeProvider horloge)
{
    public const int TailleLot = 10_000;

    public sealed record Bilan(int Deliberes, int Admis, int Ajournes, int Elimines, int Incomplets, TimeSpan Lecture, TimeSpan Calcul, TimeSpan Ecriture);

    private sealed record Regles(UniteNotee[] Obligatoires, Dictionary<string, int> Index, Dictionary<string, (decimal Coefficient, bool Facultative)> Toutes);

    /// <summary>The checked entry point: a session whose results are locked is not deliberated again.</summary>
    public async Task<ResultatOperation<Bilan>> DelibererAsync(int sessionId, IProgress<int>? progression, CancellationToken annulation)
    {
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, annulation).ConfigureAwait(false))
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("", "NOT_FOUND", "Cette session n'existe pas.", null));
        }

        if (await db.PublicationsResultats.AnyAsync(p => p.SessionId == sessionId && p.VerrouillesLeUtc != null, annulation).ConfigureAwait(false))
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("", "RESULTS_LOCKED",
                "Les résultats de cette session sont verrouillés : la délibération ne peut plus être relancée.", null));
        }

        return ResultatOperation.Succes(await ExecuterAsync(sessionId, progression, annulation).ConfigureAwait(false));
    }

    public async Task<Bilan> ExecuterAsync(int sessionId, IProgress<int>? progression, CancellationToken annulation)
    {
        var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, annulation).ConfigureAwait(false);
        var parametres = new ParametresDeliberation(await db.AcademiesSessions.Where(a => a.SessionId == sessionId)
            .AnyAsync(a => a.AbsenceFacultativeEliminatoire, annulation).ConfigureAwait(false));
        var chrono = Stopwatch.StartNew();
        var inscriptions = await db.Inscriptions.AsNoTracking()
            .Where(i => i.AcademieSession.SessionId == sessionId && i.Etat == EtatInscription.Soumise)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Specialite, i.Option, i.Forme })
            .ToListAsync(annulation).ConfigureAwait(false);
        // The jury's decisions are kept apart and applied again: deliberating anew never loses them.
        var jury = await db.DecisionsJury.AsNoTracking()
            .Where(d => db.Inscriptions.Any(i => i.Id == d.InscriptionId && i.AcademieSession.SessionId == sessionId))
            .ToDictionaryAsync(d => d.InscriptionId, annulation).ConfigureAwait(false);
        var lecture = chrono.Elapsed;
        TimeSpan calcul = TimeSpan.Zero, ecriture = TimeSpan.Zero;

        await db.ResultatsInscriptions
            .Where(r => db.Inscriptions.Any(i => i.Id == r.InscriptionId && i.AcademieSession.SessionId == sessionId))
            .ExecuteDeleteAsync(annulation).ConfigureAwait(false);

        var reglesParSpecialite = new Dictionary<(string?, string?), Regles>();
        var notes = db.NotesUnites.AsNoTracking()
            .Where(n => db.Inscriptions.Any(i => i.Id == n.InscriptionId && i.AcademieSession.SessionId == sessionId && i.Etat == EtatInscription.Soumise))
            .OrderBy(n => n.InscriptionId)
            .Select(n => new { n.InscriptionId, n.Unite, n.Nature, n.Note, n.ObtenueLe })
            .AsAsyncEnumerable()
            .GetAsyncEnumerator(annulation);
        await using var _ = notes.ConfigureAwait(false);
        var encore = await notes.MoveNextAsync().ConfigureAwait(false);
        var resultats = new List<ResultatInscription>(inscriptions.Count);
        var sortie = new UniteDeliberee[32];
        var facultatives = new List<UniteNotee>();
        var compteurs = new int[4];
        var instant = horloge.GetUtcNow().UtcDateTime;
        var faits = 0;
        foreach (var inscription in inscriptions)
        {
            var t0 = chrono.Elapsed;
            var regles = ReglesDe(reglesParSpecialite, inscription.Specialite, inscription.Option, session.Annee);
            var obligatoires = (UniteNotee[])regles.Obligatoires.Clone();
            facultatives.Clear();
            // Both streams are ordered by the database on the same key, and every grade read belongs to a registration
            // read: a merge by equality is enough (the database's order of ids need not be .NET's).
            while (encore && notes.Current.InscriptionId == inscription.Id)
            {
                var n = notes.Current;
                var resultat = new ResultatUnite(n.Nature, n.Note ?? 0m, n.ObtenueLe ?? default);
                if (regles.Index.TryGetValue(n.Unite, out var i))
                {
                    obligatoires[i] = obligatoires[i] with { Resultat = resultat };
                }
                else if (regles.Toutes.TryGetValue(n.Unite, out var u) && u.Facultative)
                {
                    facultatives.Add(new UniteNotee(n.Unite, u.Coefficient, false, resultat));
                }

                encore = await notes.MoveNextAsync().ConfigureAwait(false);
            }

            var t1 = chrono.Elapsed;
            lecture += t1 - t0;
            var calcule = Deliberation.Deliberer(inscription.Forme ?? FormePassage.Globale, session.DateDeliberation, obligatoires, [.. facultatives], sortie, parametres);
            var r = jury.TryGetValue(inscription.Id, out var dj) ? DecisionDuJury.Appliquer(calcule, dj.PointsJury, dj.DecisionImposee) : calcule;
            compteurs[(int)r.Decision]++;
            resultats.Add(new ResultatInscription
            {
                InscriptionId = inscription.Id,
                Decision = r.Decision,
                DecisionCalculee = calcule.Decision,
                PointsJury = r == calcule ? 0m : dj!.PointsJury,
                Moyenne = r.Moyenne,
                Points = r.Points,
                Coefficients = r.Coefficients,
                BonusFacultatif = r.BonusFacultatif,
                EpreuvesDeControle = r.EpreuvesDeControle,
                DelibereLeUtc = instant,
            });
            calcul += chrono.Elapsed - t1;
        }

        // Written once the reading is over: no write waits on a read still open (SQLite locks the file).
        foreach (var lot in resultats.Chunk(TailleLot))
        {
            ecriture += await EcrireAsync(lot, annulation).ConfigureAwait(false);
            faits += lot.Length;
            progression?.Report(faits);
        }

        return new Bilan(inscriptions.Count, compteurs[(int)Decision.Admis], compteurs[(int)Decision.Ajourne], compteurs[(int)Decision.Elimine],
            compteurs[(int)Decision.Incomplet], lecture, calcul, ecriture);
    }

    private async Task<TimeSpan> EcrireAsync(ResultatInscription[] lot, CancellationToken annulation)
    {
        var debut = Stopwatch.GetTimestamp();
        if (db.Database.GetDbConnection() is NpgsqlConnection connexion)
        {
            await CopierAsync(connexion, lot, annulation).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(debut);
        }

        var detection = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ResultatsInscriptions.AddRange(lot);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = detection;
        return Stopwatch.GetElapsedTime(debut);
    }

    /// <summary>
    /// On PostgreSQL the decisions go in with one binary COPY per batch: row-by-row inserts spent most of a 250,000
    /// candidate deliberation. Columns as mapped in ResultatInscriptionConfiguration (enums stored by name).
    /// </summary>
    private async Task CopierAsync(NpgsqlConnection connexion, ResultatInscription[] lot, CancellationToken annulation)
    {
        await db.Database.OpenConnectionAsync(annulation).ConfigureAwait(false);
        try
        {
            var import = await connexion.BeginBinaryImportAsync(
                "COPY \"ResultatsInscriptions\" (\"InscriptionId\", \"Decision\", \"DecisionCalculee\", \"PointsJury\", \"CourrielPublicationLeUtc\", "
                + "\"Moyenne\", \"Points\", \"Coefficients\", \"BonusFacultatif\", \"EpreuvesDeControle\", \"DelibereLeUtc\") FROM STDIN (FORMAT BINARY)",
                annulation).ConfigureAwait(false);
            await using (import.ConfigureAwait(false))
            {
                foreach (var r in lot)
                {
                    await import.StartRowAsync(annulation).ConfigureAwait(false);
                    await import.WriteAsync(r.InscriptionId, NpgsqlDbType.Uuid, annulation).ConfigureAwait(false);
                    await import.WriteAsync(r.Decision.ToString(), NpgsqlDbType.Varchar, annulation).ConfigureAwait(false);
                    await import.WriteAsync(r.DecisionCalculee.ToString(), NpgsqlDbType.Varchar, annulation).ConfigureAwait(false);
                    await import.WriteAsync(r.PointsJury, NpgsqlDbType.Numeric, annulation).ConfigureAwait(false);
                    await EcrireOuNulAsync(import, r.CourrielPublicationLeUtc is { } c ? DateTime.SpecifyKind(c, DateTimeKind.Utc) : (DateTime?)null, NpgsqlDbType.TimestampTz, annulation).ConfigureAwait(false);
                    await EcrireOuNulAsync(import, r.Moyenne, NpgsqlDbType.Numeric, annulation).ConfigureAwait(false);
                    await import.WriteAsync(r.Points, NpgsqlDbType.Numeric, annulation).ConfigureAwait(false);
                    await import.WriteAsync(r.Coefficients, NpgsqlDbType.Numeric, annulation).ConfigureAwait(false);
                    await import.WriteAsync(r.BonusFacultatif, NpgsqlDbType.Numeric, annulation).ConfigureAwait(false);
                    await import.WriteAsync(r.EpreuvesDeControle, NpgsqlDbType.Boolean, annulation).ConfigureAwait(false);
                    await import.WriteAsync(DateTime.SpecifyKind(r.DelibereLeUtc, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, annulation).ConfigureAwait(false);
                }

                await import.CompleteAsync(annulation).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static Task EcrireOuNulAsync<T>(NpgsqlBinaryImporter import, T? valeur, NpgsqlDbType type, CancellationToken annulation)
        where T : struct =>
        valeur is { } v ? import.WriteAsync(v, type, annulation) : import.WriteNullAsync(annulation);

    /// <summary>A unit without a validated grade yet is pending: the candidate is "incomplete" until it is keyed.</summary>
    private Regles ReglesDe(Dictionary<(string?, string?), Regles> cache, string? code, string? option, int annee)
    {
        if (cache.TryGetValue((code, option), out var regles))
        {
            return regles;
        }

        var specialite = code is null ? null : catalogue.Trouver(code, annee).Specialite;
        var obligatoires = specialite?.UnitesObligatoires(option).ToList() ?? [];
        regles = new Regles(
            [.. obligatoires.Select(u => new UniteNotee(u.Id, u.Coefficient ?? 0m, u.Professionnelle == true, ResultatUnite.EnAttente()))],
            obligatoires.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase),
            specialite?.Unites.Where(u => u.EstUnite).ToDictionary(u => u.Id, u => (u.Coefficient ?? 0m, u.Facultative), StringComparer.OrdinalIgnoreCase) ?? []);
        cache[(code, option)] = regles;
        return regles;
    }
}
