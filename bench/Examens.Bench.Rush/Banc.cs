using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Examens.Core.Persistance;

namespace Examens.Bench.Rush;

/// <summary>One run: the ceilings (bare Kestrel, pgbench), then the portal under the rush, then the report.</summary>
internal static class Banc
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static async Task<int> ExecuterAsync(Options o)
    {
        var postgres = o.Postgres;
        if (postgres is not null && !Pgbench.EstNpgsql(postgres))
        {
            await Console.Error.WriteLineAsync("--postgres attend une chaîne Npgsql : Host=…;Port=…;Username=…;Database=…");
            return 2;
        }

        var horloge = TimeProvider.System;
        var idRun = RandomNumberGenerator.GetHexString(6, lowercase: true);
        var depot = Depot();
        var dossier = Path.Combine(Path.GetTempPath(), $"examens-rush-{idRun}");
        Directory.CreateDirectory(dossier);
        using var arret = new CancellationTokenSource();
        // Ctrl+C ends the run early; the child processes are still stopped on the way out.
        void Interrompre(object? _, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            arret.Cancel();
        }

        Console.CancelKeyPress += Interrompre;

        var resultats = new Resultats
        {
            Date = horloge.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
            Machine = new MachineInfo(Environment.ProcessorCount, Environment.OSVersion.VersionString, Environment.Version.ToString()),
            Base = postgres is null ? "SQLite" : "PostgreSQL",
            Options = o with { Postgres = postgres is null ? null : MasquerMotDePasse(postgres) },
            Commande = Commande(o),
        };
        Console.WriteLine($"Banc de charge « ruée » {idRun} : {o.Candidats.ToString("N0", Fr)} candidats, {o.DureeSecondes} s, {o.Utilisateurs} utilisateurs virtuels, base {resultats.Base}, {Environment.ProcessorCount} cœurs.");
        Console.WriteLine($"  dossier de travail : {dossier}");
        var reussi = false;
        try
        {
            var web = Path.GetFullPath(o.Web ?? await ConstruireAsync(depot, dossier, arret.Token));
            if (!o.SansPlafonds)
            {
                resultats.KestrelNu = await KestrelNuAsync(o, dossier, arret.Token);
                if (postgres is not null)
                {
                    Console.WriteLine($"Plafond pgbench (TPC-B-like, 8 clients, {o.DureeSecondes} s)…");
                    resultats.Pgbench = await Pgbench.ExecuterAsync(Pgbench.Chemin(o.Pgbench), postgres, o.DureeSecondes, Path.Combine(dossier, "pgbench.log"), arret.Token);
                }
                else
                {
                    resultats.Pgbench = new ResultatPgbench(null, null, "pas de PostgreSQL (--postgres) : pgbench non lancé / skipped");
                }
            }

            try
            {
                resultats.Portail = await PortailAsync(o, web, postgres ?? PersistanceExtensions.ChaineSqliteParDefaut(dossier), idRun, dossier, horloge, arret.Token);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException
                || e.GetType().FullName?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true)
            {
                resultats.ErreurPortail = e.Message;
                await Console.Error.WriteLineAsync($"Le portail n'a pas pu être mesuré (journal : {Path.Combine(dossier, "portail.log")}).");
            }

            Rapport.Objectifs(resultats);
            Rapport.Afficher(resultats, Console.Out);
            var sortie = o.Sortie ?? Path.Combine(depot, "bench", "resultats", $"rush-{horloge.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
            await Rapport.EcrireJsonAsync(resultats, sortie);
            Console.WriteLine($"Résultats JSON : {sortie}");
            reussi = resultats.Portail?.Correct == true && resultats.Portail.Series.All(s => s.Erreurs == 0);
            return resultats.Portail?.Correct == true ? 0 : 1;
        }
        finally
        {
            Console.CancelKeyPress -= Interrompre;
            if (o.GarderDonnees || !reussi)
            {
                // The uploaded documents (200 KB each, thousands) are not what one reads after a failure: the logs are.
                var documents = Path.Combine(dossier, "portail", "documents");
                if (!o.GarderDonnees && Directory.Exists(documents))
                {
                    Directory.Delete(documents, recursive: true);
                }

                Console.WriteLine($"Données et journaux gardés dans {dossier}");
            }
            else
            {
                Directory.Delete(dossier, recursive: true);
            }
        }
    }

    /// <summary>The repository: the folder holding Examens.slnx above the bench's binaries (or the current folder).</summary>
    private static string Depot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Examens.slnx")))
            {
                return d.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static async Task<string> ConstruireAsync(string depot, string dossier, CancellationToken annulation)
    {
        var projet = Path.Combine(depot, "src", "Examens.Web", "Examens.Web.csproj");
        Console.WriteLine("Construction de src/Examens.Web en Release…");
        var info = new ProcessStartInfo("dotnet", ["build", "-c", "Release", projet, "-nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet build n'a pas démarré.");
        using var limite = CancellationTokenSource.CreateLinkedTokenSource(annulation);
        limite.CancelAfter(TimeSpan.FromMinutes(10));
        var sortie = process.StandardOutput.ReadToEndAsync(limite.Token);
        var erreurs = process.StandardError.ReadToEndAsync(limite.Token);
        await process.WaitForExitAsync(limite.Token);
        var journal = await sortie + await erreurs;
        await File.WriteAllTextAsync(Path.Combine(dossier, "build.log"), journal, annulation);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build -c Release a échoué :\n{journal}");
        }

        return Path.Combine(depot, "src", "Examens.Web", "bin", "Release", "net10.0", "Examens.Web.dll");
    }

    private static async Task<ResultatNoeud> KestrelNuAsync(Options o, string dossier, CancellationToken annulation)
    {
        Console.WriteLine($"Plafond Kestrel nu (GET /json, {o.Utilisateurs} utilisateurs, {o.DureeSecondes} s)…");
        var port = Noeud.PortLibre();
        var url = new Uri($"http://127.0.0.1:{port}");
        var moi = typeof(Banc).Assembly.Location;
        // Server GC, as the Web SDK gives the portal.
        await using var noeud = await Noeud.DemarrerAsync("Kestrel nu", [moi, "--serveur-nu", url.ToString()],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["DOTNET_gcServer"] = "1", ["DOTNET_TieredPGO"] = "1" },
            Path.GetDirectoryName(moi)!, Path.Combine(dossier, "kestrel-nu.log"), url, "/json", annulation);
        using var navigateur = new Navigateur(url, o.Utilisateurs);
        var debut = Stopwatch.GetTimestamp();
        var fin = debut + (o.DureeSecondes * Stopwatch.Frequency);
        using var securite = CancellationTokenSource.CreateLinkedTokenSource(annulation);
        securite.CancelAfter(TimeSpan.FromSeconds(o.DureeSecondes + 60));
        var serie = await ChargeNue.ExecuterAsync(navigateur, o.Utilisateurs, fin, securite.Token);
        var duree = Stopwatch.GetElapsedTime(debut);
        await noeud.ArreterAsync();
        return new ResultatNoeud(serie.Resultat(duree), noeud.PicMemoireOctets);
    }

    /// <summary>One key file per PostgreSQL database (named after a hash of its connection string), or the run's own.</summary>
    private static string FichierCle(Options o, string dossier)
    {
        var fichier = o.Postgres is null
            ? Path.Combine(dossier, "cles-documents.txt")
            : Path.Combine(Path.GetTempPath(), $"examens-rush-cles-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(o.Postgres)))[..12]}.txt");
        if (!File.Exists(fichier))
        {
            File.WriteAllText(fichier, Examens.Core.Documents.Chiffrement.ClesDocumentsConfigurees.NouvelleCle(TimeProvider.System) + "\n");
        }

        return fichier;
    }

    private static async Task<ResultatPortail> PortailAsync(
        Options o, string web, string chaine, string idRun, string dossier, TimeProvider horloge, CancellationToken annulation)
    {
        if (!File.Exists(web))
        {
            throw new InvalidOperationException($"{web} introuvable.");
        }

        Console.WriteLine("Portail : démarrage (la base est créée ou migrée par le portail)…");
        var port = Noeud.PortLibre();
        var url = new Uri($"http://127.0.0.1:{port}");
        await using var noeud = await Noeud.DemarrerAsync("Portail", [
                web, "--urls", url.ToString(), $"--Examens:Donnees={Path.Combine(dossier, "portail")}", $"--ConnectionStrings:Examens={chaine}",
                // Production logging: a line per SQL command on the console would be measured instead of the portal.
                "--Logging:LogLevel:Default=Warning",
                // Every sign-in and upload comes from 127.0.0.1 and the same few accounts: the per-address and
                // per-account limits (docs/operations.md) would refuse the load itself, not protect it.
                "--Examens:Limites:Connexion:Nombre=1000000", "--Examens:Limites:Depots:Nombre=1000000",
                // The cookie key ring lives in the database, encrypted with the document key (docs/security.md): a
                // reused PostgreSQL database needs the key of the earlier runs, kept beside the machine's temp files.
                $"--Examens:Documents:FichierCle={FichierCle(o, dossier)}",
            ],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            RacineContenu(web), Path.Combine(dossier, "portail.log"), url, "/healthz", annulation);

        var chrono = Stopwatch.StartNew();
        var donnees = new Donnees(chaine, idRun);
        // A node at 16:59 has served for hours: extra candidates warm it up (JIT tiers, pools, caches) before the
        // measure, so that what is measured is the node's steady state, not its first seconds. They are checked too.
        var nombreEchauffement = o.EchauffementSecondes > 0 ? Math.Max(200, o.Candidats / 2) : 0;
        var tous = await donnees.PreparerAsync(o.Candidats + nombreEchauffement, horloge, annulation);
        var candidats = tous.Take(o.Candidats).ToList();
        var echauffes = tous.Skip(o.Candidats).ToList();
        var preparation = chrono.Elapsed;
        Console.WriteLine($"  {tous.Count.ToString("N0", Fr)} comptes et brouillons insérés en {preparation.TotalSeconds.ToString("N1", Fr)} s");

        var pdf = PdfDeTest.Creer();
        using var navigateur = new Navigateur(url, Math.Max(o.Utilisateurs, 8));
        var connexions = new Serie("connexion / sign-in");
        chrono.Restart();
        await Parallel.ForEachAsync(tous, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(8, o.Utilisateurs), CancellationToken = annulation },
            async (c, ct) => await navigateur.ConnecterAsync(c, Donnees.MotDePasse, connexions, ct));
        var dureeConnexions = chrono.Elapsed;
        Console.WriteLine($"  {tous.Count.ToString("N0", Fr)} candidats connectés en HTTP en {dureeConnexions.TotalSeconds.ToString("N1", Fr)} s");
        if (echauffes.Count > 0)
        {
            Console.WriteLine($"Portail : échauffement de {o.EchauffementSecondes} s ({echauffes.Count.ToString("N0", Fr)} autres candidats, parcours soumission, dépôt, vues ; non mesuré)…");
            var chauffe = new Charge(navigateur, echauffes, pdf, o.VuesParVisite, Path.Combine(dossier, "exemples-echauffement"));
            var finChauffe = Stopwatch.GetTimestamp() + (o.EchauffementSecondes * Stopwatch.Frequency);
            await chauffe.ExecuterAsync(o.Utilisateurs, finChauffe, finChauffe + (3600 * Stopwatch.Frequency), parcours: true, annulation);
        }

        // The latecomers: spread through the candidates, released one by one from 1 s before the close to 0.5 s after.
        var retardataires = (int)Math.Round(o.Candidats * o.Retardataires);
        var debut = Stopwatch.GetTimestamp();
        var utc0 = horloge.GetUtcNow();
        var aCloture = TimeSpan.FromSeconds(o.DureeSecondes * o.Cloture);
        var fermetureUtc = utc0 + aCloture;
        var cloture = debut + (long)(aCloture.TotalSeconds * Stopwatch.Frequency);
        var fin = debut + (o.DureeSecondes * Stopwatch.Frequency);
        if (retardataires > 0)
        {
            var pas = (double)candidats.Count / retardataires;
            for (var j = 0; j < retardataires; j++)
            {
                candidats[(int)(j * pas)].LibereA = cloture + (long)((-0.5 + ((j + 0.5) / retardataires)) * Stopwatch.Frequency);
            }
        }

        await donnees.FermerAAsync(fermetureUtc, annulation);
        Console.WriteLine($"Portail : charge de {o.DureeSecondes} s, clôture à {aCloture.TotalSeconds.ToString("N1", Fr)} s ({fermetureUtc.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} UTC)…");
        var charge = new Charge(navigateur, candidats, pdf, o.VuesParVisite, Path.Combine(dossier, "exemples"));
        using (var securite = CancellationTokenSource.CreateLinkedTokenSource(annulation))
        {
            securite.CancelAfter(TimeSpan.FromSeconds(o.DureeSecondes + 90));
            await charge.ExecuterAsync(o.Utilisateurs, fin, cloture, o.Parcours, securite.Token);
        }

        var duree = Stopwatch.GetElapsedTime(debut);
        await noeud.ArreterAsync();
        var memoire = noeud.PicMemoireOctets;

        Console.WriteLine("Vérification dans la base…");
        var verification = await donnees.VerifierAsync(tous, fermetureUtc, annulation);
        var s = charge.Series;
        return new ResultatPortail(
            // Phases: each kind over its own phase. Journey: the kinds share the whole load, so over its duration.
            s.Ruee.Resultat(), s.Retardataires.Resultat(), s.ApresCloture.Resultat(),
            s.Depots.Resultat(o.Parcours ? duree : null), s.Vues.Resultat(o.Parcours ? duree : null),
            connexions.Resultat(dureeConnexions),
            preparation.TotalSeconds,
            duree.TotalSeconds,
            fermetureUtc,
            s.AccepteesApresCloture,
            Frontiere(s.AutourDeLaCloture),
            memoire,
            MemoireDuBanc(),
            pdf.Length,
            verification,
            noeud.CheminJournal);
    }

    /// <summary>
    /// The portal's content root (its working folder): the one with wwwroot, so static files are served as in
    /// production. A publish folder has it beside the dll; a build output has it in the project, three levels up.
    /// </summary>
    private static string RacineContenu(string web)
    {
        var dll = Path.GetDirectoryName(Path.GetFullPath(web))!;
        for (var d = new DirectoryInfo(dll); d is not null && d.FullName.Length >= dll.Length - 40; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, "wwwroot")))
            {
                return d.FullName;
            }
        }

        return dll;
    }

    private static Frontiere Frontiere(IEnumerable<(double EnvoiMs, double ReponseMs, bool Acceptee)> autour)
    {
        var liste = autour.ToList();
        var acceptees = liste.Where(x => x.Acceptee).Select(x => x.EnvoiMs).ToList();
        var refusees = liste.Where(x => !x.Acceptee).Select(x => x.ReponseMs).ToList();
        return new Frontiere(acceptees.Count, refusees.Count, acceptees.Count > 0 ? acceptees.Max() : null, refusees.Count > 0 ? refusees.Min() : null);
    }

    /// <summary>The load generator's own peak resident set (it shares the machine with the node).</summary>
    private static long MemoireDuBanc()
    {
        var ligne = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return ligne is null ? 0 : long.Parse(ligne.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture) * 1024;
    }

    private static string MasquerMotDePasse(string chaine) =>
        string.Join(';', chaine.Split(';').Select(p => p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase) ? "Password=***" : p));

    private static string Commande(Options o)
    {
        var c = new List<string> { "dotnet run -c Release --project bench/Examens.Bench.Rush --" };
        c.Add(string.Create(CultureInfo.InvariantCulture, $"--candidats {o.Candidats} --duree {o.DureeSecondes} --utilisateurs {o.Utilisateurs}"));
        if (o.Parcours)
        {
            c.Add(string.Create(CultureInfo.InvariantCulture, $"--parcours --vues {o.VuesParVisite}"));
        }

        c.Add(string.Create(CultureInfo.InvariantCulture, $"--cloture {o.Cloture} --retardataires {o.Retardataires}"));
        if (o.Postgres is not null)
        {
            c.Add($"--postgres \"{MasquerMotDePasse(o.Postgres)}\"");
        }

        if (o.SansPlafonds)
        {
            c.Add("--sans-plafonds");
        }

        if (o.EchauffementSecondes != new Options().EchauffementSecondes)
        {
            c.Add(string.Create(CultureInfo.InvariantCulture, $"--echauffement {o.EchauffementSecondes}"));
        }

        return string.Join(' ', c);
    }
}
