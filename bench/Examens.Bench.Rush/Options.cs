using System.Globalization;

namespace Examens.Bench.Rush;

/// <summary>The command line of the rush benchmark. Every value has a default, so the bare command runs.</summary>
public sealed record Options
{
    public int Candidats { get; init; } = 2000;

    public int DureeSecondes { get; init; } = 60;

    /// <summary>Concurrent virtual users, each with at most one request in flight: the connection pool's size.</summary>
    public int Utilisateurs { get; init; } = 32;

    /// <summary>The journey mix instead of phases: each visit submits (once), uploads, then views the home page K times.</summary>
    public bool Parcours { get; init; }

    /// <summary>Home-page views per visit in the journey mix.</summary>
    public int VuesParVisite { get; init; } = 6;

    /// <summary>When the window closes, as a fraction of the load's duration.</summary>
    public double Cloture { get; init; } = 0.7;

    /// <summary>Share of the candidates who submit only around the close (half before it, half after).</summary>
    public double Retardataires { get; init; } = 0.1;

    /// <summary>The Npgsql connection string of a PostgreSQL to run on; SQLite in a temporary folder when null.</summary>
    public string? Postgres { get; init; }

    public string? Sortie { get; init; }

    /// <summary>An already built Examens.Web.dll; when null the bench builds src/Examens.Web in Release.</summary>
    public string? Web { get; init; }

    public string? Pgbench { get; init; }

    public bool SansPlafonds { get; init; }

    /// <summary>Seconds of warm-up load on extra candidates before the measure (0: none).</summary>
    public int EchauffementSecondes { get; init; } = 30;

    public bool GarderDonnees { get; init; }

    /// <summary>Internal: run as the bare Kestrel ceiling server on this URL.</summary>
    public string? ServeurNu { get; init; }

    public const string Aide = """
        Examens.Bench.Rush – the registration rush against a release build of the portal, and its ceilings.
          dotnet run -c Release --project bench/Examens.Bench.Rush -- [options]
        Options:
          --candidats N        generated candidates, signed in before the load (2000)
          --duree S            seconds of load, for the portal and for each ceiling (60)
          --utilisateurs V     concurrent virtual users = connections (32)
          --parcours           journey mix (submit, upload, K views per visit) instead of phases
          --vues K             home-page views per visit with --parcours (6)
          --cloture F          the window closes at F × duree into the load (0.7)
          --retardataires F    share of candidates who submit only around the close (0.1)
          --postgres "Host=…"  run on this PostgreSQL (Npgsql string); pgbench runs against it too
          --sortie FILE        JSON results (bench/resultats/rush-<date>.json)
          --web DLL            use this Examens.Web.dll instead of building src/Examens.Web in Release
          --pgbench PATH       pgbench binary (/usr/lib/postgresql/15/bin/pgbench, else PATH)
          --sans-plafonds      skip the ceilings (bare Kestrel, pgbench)
          --echauffement S     seconds of warm-up journeys on extra candidates before the measure (30; 0: none)
          --garder-donnees     keep the temporary data folder (SQLite database, documents, logs)
        """;

    public static Options? Lire(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Valeur() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} attend une valeur.");
            o = args[i] switch
            {
                "--candidats" => o with { Candidats = Entier(Valeur(), 1, 10_000_000) },
                "--duree" => o with { DureeSecondes = Entier(Valeur(), 5, 3600) },
                "--utilisateurs" => o with { Utilisateurs = Entier(Valeur(), 1, 4096) },
                "--parcours" => o with { Parcours = true },
                "--vues" => o with { VuesParVisite = Entier(Valeur(), 0, 1000) },
                "--cloture" => o with { Cloture = Fraction(Valeur(), 0.05, 0.95) },
                "--retardataires" => o with { Retardataires = Fraction(Valeur(), 0, 0.9) },
                "--postgres" => o with { Postgres = Valeur() },
                "--sortie" => o with { Sortie = Valeur() },
                "--web" => o with { Web = Valeur() },
                "--pgbench" => o with { Pgbench = Valeur() },
                "--sans-plafonds" => o with { SansPlafonds = true },
                "--echauffement" => o with { EchauffementSecondes = Entier(Valeur(), 0, 600) },
                "--garder-donnees" => o with { GarderDonnees = true },
                "--serveur-nu" => o with { ServeurNu = Valeur() },
                "-h" or "--help" or "--aide" => null,
                _ => throw new ArgumentException($"Option inconnue : {args[i]}"),
            };
            if (o is null)
            {
                return null;
            }
        }

        return o;
    }

    private static int Entier(string s, int min, int max)
    {
        var v = int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return v >= min && v <= max ? v : throw new ArgumentException($"{s} : attendu entre {min} et {max}.");
    }

    private static double Fraction(string s, double min, double max)
    {
        var v = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return v >= min && v <= max ? v : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{s} : attendu entre {min} et {max}."));
    }
}
