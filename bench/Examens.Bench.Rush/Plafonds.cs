using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Examens.Bench.Rush;

internal sealed record Pong(string Statut, int Valeur);

/// <summary>The bare Kestrel ceiling: the smallest ASP.NET Core application, one endpoint returning a small JSON.</summary>
internal static class ServeurNu
{
    public static async Task ExecuterAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var pong = new Pong("ok", 42);
        app.MapGet("/json", () => Results.Json(pong));
        await app.RunAsync().ConfigureAwait(false);
    }
}

internal sealed record ResultatPgbench(double? Tps, double? LatenceMoyenneMs, string Note);

/// <summary>
/// pgbench's TPC-B-like script at 8 clients on the PostgreSQL given: the database's own ceiling on this machine, in
/// the same run, to compare the submissions with.
/// </summary>
internal static partial class Pgbench
{
    public static string Chemin(string? donne)
    {
        if (donne is not null)
        {
            return donne;
        }

        const string Debian = "/usr/lib/postgresql/15/bin/pgbench";
        return File.Exists(Debian) ? Debian : "pgbench";
    }

    public static async Task<ResultatPgbench> ExecuterAsync(string pgbench, string chaineNpgsql, int duree, string journal, CancellationToken annulation)
    {
        var env = Environnement(chaineNpgsql);
        var sortie = new System.Text.StringBuilder();
        try
        {
            // Scale 8: 8 branches, so 8 clients do not all queue on one branch row.
            var init = await LancerAsync(pgbench, ["-i", "-s", "8", "-q"], env, TimeSpan.FromMinutes(10), annulation).ConfigureAwait(false);
            sortie.AppendLine(init.Sortie);
            if (init.Code != 0)
            {
                return new(null, null, $"pgbench -i a échoué (code {init.Code}), voir {journal}");
            }

            var essai = await LancerAsync(pgbench, ["-c", "8", "-j", "2", "-T", duree.ToString(CultureInfo.InvariantCulture), "-M", "prepared"], env,
                TimeSpan.FromSeconds(duree + 120), annulation).ConfigureAwait(false);
            sortie.AppendLine(essai.Sortie);
            var tps = TpsRegex().Match(essai.Sortie);
            var latence = LatenceRegex().Match(essai.Sortie);
            return essai.Code == 0 && tps.Success
                ? new(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
                    latence.Success ? double.Parse(latence.Groups[1].Value, CultureInfo.InvariantCulture) : null,
                    "pgbench -c 8 -j 2 -M prepared, TPC-B-like, scale 8")
                : new(null, null, $"pgbench a échoué (code {essai.Code}), voir {journal}");
        }
        finally
        {
            // Its tables are dropped: the portal's database is left as it was.
            var menage = await LancerAsync(pgbench, ["-i", "-I", "d"], env, TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false);
            sortie.AppendLine(menage.Sortie);
            await File.WriteAllTextAsync(journal, sortie.ToString(), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<(int Code, string Sortie)> LancerAsync(
        string pgbench, string[] arguments, Dictionary<string, string> env, TimeSpan delai, CancellationToken annulation)
    {
        var info = new ProcessStartInfo(pgbench, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (cle, valeur) in env)
        {
            info.Environment[cle] = valeur;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("pgbench n'a pas démarré.");
        using var limite = CancellationTokenSource.CreateLinkedTokenSource(annulation);
        limite.CancelAfter(delai);
        var sortie = process.StandardOutput.ReadToEndAsync(limite.Token);
        var erreurs = process.StandardError.ReadToEndAsync(limite.Token);
        try
        {
            await process.WaitForExitAsync(limite.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return (-1, $"pgbench {string.Join(' ', arguments)} : arrêté après {delai.TotalSeconds} s");
        }

        return (process.ExitCode, $"$ pgbench {string.Join(' ', arguments)}\n{await sortie.ConfigureAwait(false)}{await erreurs.ConfigureAwait(false)}");
    }

    /// <summary>The libpq environment from an Npgsql connection string (Host, Port, Username, Password, Database).</summary>
    public static Dictionary<string, string> Environnement(string chaineNpgsql)
    {
        ArgumentNullException.ThrowIfNull(chaineNpgsql);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var partie in chaineNpgsql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var egal = partie.IndexOf('=', StringComparison.Ordinal);
            if (egal <= 0)
            {
                continue;
            }

            var cle = partie[..egal].Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
            var valeur = partie[(egal + 1)..].Trim();
            var variable = cle switch
            {
                "HOST" or "SERVER" => "PGHOST",
                "PORT" => "PGPORT",
                "USERNAME" or "USERID" or "USER" => "PGUSER",
                "PASSWORD" => "PGPASSWORD",
                "DATABASE" or "DB" => "PGDATABASE",
                _ => null,
            };
            if (variable is not null)
            {
                env[variable] = valeur;
            }
        }

        return env;
    }

    public static bool EstNpgsql(string? chaine) =>
        chaine is not null && Environnement(chaine).ContainsKey("PGHOST");

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex TpsRegex();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatenceRegex();
}
