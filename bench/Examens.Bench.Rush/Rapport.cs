using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Examens.Bench.Rush;

internal sealed record MachineInfo(int Coeurs, string Systeme, string DotNet);

internal sealed record ResultatNoeud(LigneResultat Ligne, long PicMemoireOctets);

internal sealed record ResultatPortail(
    LigneResultat Soumissions,
    LigneResultat Retardataires,
    LigneResultat ApresCloture,
    LigneResultat Depots,
    LigneResultat Vues,
    LigneResultat Connexions,
    double PreparationSecondes,
    double DureeChargeSecondes,
    DateTimeOffset FermetureUtc,
    long AccepteesApresCloture,
    Frontiere Frontiere,
    long PicMemoirePortailOctets,
    long PicMemoireBancOctets,
    int TaillePdfOctets,
    Verification Verification,
    string JournalPortail)
{
    [JsonIgnore]
    public IReadOnlyList<LigneResultat> Series => [Soumissions, Retardataires, ApresCloture, Depots, Vues];

    public long RefusApresCloture => Soumissions.Refus + Retardataires.Refus + ApresCloture.Refus;

    /// <summary>The checks that must hold whatever the machine: nothing lost, doubled or accepted after the close.</summary>
    public bool Correct => Verification.Reussie && AccepteesApresCloture == 0 && Frontiere.Nette;
}

/// <summary>
/// The close seen from the load tool, in ms from the close instant: the latest send of an accepted submission (after
/// 0 it was accepted late) and the earliest answer of a refused one (before 0 it was refused while open). The server
/// decides on its own clock somewhere between the two instants of each request.
/// </summary>
internal sealed record Frontiere(int Acceptees, int Refusees, double? DerniereAccepteeEnvoyeeMs, double? PremiereRefuseeRecueMs)
{
    public bool Nette => DerniereAccepteeEnvoyeeMs is not > 0 && PremiereRefuseeRecueMs is not < 0;
}

internal sealed record Objectif(string Nom, string Cible, string Mesure, bool? Atteint);

internal sealed class Resultats
{
    public string Date { get; init; } = "";

    public string Commande { get; init; } = "";

    public string Base { get; init; } = "";

    public MachineInfo Machine { get; init; } = new(0, "", "");

    public Options Options { get; init; } = new();

    public ResultatPortail? Portail { get; set; }

    public string? ErreurPortail { get; set; }

    public ResultatNoeud? KestrelNu { get; set; }

    public ResultatPgbench? Pgbench { get; set; }

    /// <summary>Submissions per second ÷ pgbench's TPC-B-like transactions per second.</summary>
    public double? RatioSoumissionsSurPgbench { get; set; }

    /// <summary>Home-page views per second ÷ bare Kestrel requests per second.</summary>
    public double? RatioVuesSurKestrelNu { get; set; }

    public List<Objectif> Objectifs { get; } = [];
}

/// <summary>The table on the console and the same figures as JSON, with each target of the issue marked met or not.</summary>
internal static class Rapport
{
    private const double Mio = 1024 * 1024;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Objectifs(Resultats r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var p = r.Portail;
        var tps = r.Pgbench?.Tps;
        var kestrel = r.KestrelNu?.Ligne.ParSeconde;
        r.RatioSoumissionsSurPgbench = p is not null && tps is > 0 ? p.Soumissions.ParSeconde / tps : null;
        r.RatioVuesSurKestrelNu = p is not null && kestrel is > 0 ? p.Vues.ParSeconde / kestrel : null;
        if (p is null)
        {
            return;
        }

        r.Objectifs.Add(new("soumissions/s", ">= 1500", F(p.Soumissions.ParSeconde), p.Soumissions.ParSeconde >= 1500));
        r.Objectifs.Add(new("soumissions/s ÷ pgbench tps", ">= 0.60", r.RatioSoumissionsSurPgbench is { } q ? F(q, "0.00") : "n/a", r.RatioSoumissionsSurPgbench is { } x ? x >= 0.6 : null));
        r.Objectifs.Add(new("soumissions p99", "< 150 ms", $"{F(p.Soumissions.P99Ms)} ms", p.Soumissions.P99Ms < 150));
        r.Objectifs.Add(new("dépôts/s", ">= 300", F(p.Depots.ParSeconde), p.Depots.ParSeconde >= 300));
        r.Objectifs.Add(new("dépôts p99", "< 300 ms", $"{F(p.Depots.P99Ms)} ms", p.Depots.P99Ms < 300));
        r.Objectifs.Add(new("vues accueil/s", ">= 5000", F(p.Vues.ParSeconde), p.Vues.ParSeconde >= 5000));
        r.Objectifs.Add(new("vues accueil p99", "< 50 ms", $"{F(p.Vues.P99Ms)} ms", p.Vues.P99Ms < 50));
        var v = p.Verification;
        r.Objectifs.Add(new("soumissions perdues + doublées", "0", (v.SoumissionsPerdues + v.SoumissionsDoublees).ToString(Inv), v.SoumissionsPerdues + v.SoumissionsDoublees == 0));
        r.Objectifs.Add(new("acceptées après clôture (HTTP + base)", "0", $"{p.AccepteesApresCloture} + {v.VersionsApresCloture}", p.AccepteesApresCloture + v.VersionsApresCloture == 0));
        r.Objectifs.Add(new("clôture nette / sharp close", "OK", p.Frontiere.Nette ? "OK" : "ÉCHEC", p.Frontiere.Nette));
        r.Objectifs.Add(new("mémoire pic par nœud", "< 400 MiB", $"{F(p.PicMemoirePortailOctets / Mio)} MiB", p.PicMemoirePortailOctets < 400 * Mio));
    }

    public static void Afficher(Resultats r, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine();
        w.WriteLine($"=== Ruée / rush — {r.Base}, {r.Machine.Coeurs} cœurs/cores, {r.Date} ===");
        w.WriteLine(r.Commande);
        w.WriteLine();
        w.WriteLine($"{"",-48} {"req",8} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"refus",7} {"err",6}");
        var lignes = new List<LigneResultat>();
        if (r.Portail is { } p)
        {
            lignes.AddRange(p.Series);
            lignes.Add(p.Connexions);
        }

        if (r.KestrelNu is { } k)
        {
            lignes.Add(k.Ligne);
        }

        foreach (var l in lignes)
        {
            w.WriteLine($"{l.Nom,-48} {l.Requetes,8} {F(l.ParSeconde),9} {F(l.P50Ms),8} {F(l.P95Ms),8} {F(l.P99Ms),8} {F(l.MaxMs),8} {l.Refus,7} {l.Erreurs,6}");
            foreach (var (genre, nombre) in l.ErreursParType)
            {
                w.WriteLine($"    {nombre,8} × {genre}");
            }
        }

        w.WriteLine();
        if (r.Portail is { } portail)
        {
            w.WriteLine(r.Options.Parcours
                ? $"req/s : parcours mêlés / journey mix ; soumissions sur leur durée ({F(portail.Soumissions.DureeSecondes)} s), dépôts et vues sur la charge entière ({F(portail.DureeChargeSecondes)} s)."
                : $"req/s : par phase / per phase ; soumissions {F(portail.Soumissions.DureeSecondes)} s, dépôts {F(portail.Depots.DureeSecondes)} s, vues {F(portail.Vues.DureeSecondes)} s (charge {F(portail.DureeChargeSecondes)} s).");
            w.WriteLine($"refus après clôture / refused after close : {portail.RefusApresCloture} ; acceptées après clôture / accepted after close : {portail.AccepteesApresCloture} (HTTP), {portail.Verification.VersionsApresCloture} (base)");
            var f = portail.Frontiere;
            w.WriteLine($"clôture / close (±5 s) : {f.Acceptees} acceptées, {f.Refusees} refusées ; dernière acceptée envoyée à {(f.DerniereAccepteeEnvoyeeMs is { } da ? F(da) : "–")} ms, "
                + $"première refusée reçue à {(f.PremiereRefuseeRecueMs is { } pr ? F(pr) : "–")} ms / last accepted sent, first refused answered (ms from close) → {(f.Nette ? "OK" : "ÉCHEC / FAILED")}");
            w.WriteLine($"mémoire pic / peak RSS : portail {F(portail.PicMemoirePortailOctets / Mio)} MiB"
                + (r.KestrelNu is { } kn ? $", Kestrel nu {F(kn.PicMemoireOctets / Mio)} MiB" : "")
                + $", banc/load tool {F(portail.PicMemoireBancOctets / Mio)} MiB");
            var v = portail.Verification;
            w.WriteLine($"vérification / check : {v.Candidats} candidats, {v.CandidatsAvecRecu} avec reçu, {v.Versions} versions ; perdues {v.SoumissionsPerdues}, doublées {v.SoumissionsDoublees}, "
                + $"sans reçu {v.VersionsSansRecu}, après clôture {v.VersionsApresCloture} ; pièces {v.PiecesEnregistrees} (perdues {v.DepotsPerdus}, sans confirmation {v.DepotsSansConfirmation}) → {(v.Reussie ? "OK" : "ÉCHEC / FAILED")}");
            w.WriteLine($"préparation : {F(portail.PreparationSecondes)} s en base, connexions HTTP {F(portail.Connexions.DureeSecondes)} s ; PDF {portail.TaillePdfOctets} octets");
        }
        else
        {
            w.WriteLine($"portail non mesuré / portal not measured : {string.Join('\n', (r.ErreurPortail ?? "").Split('\n').Take(3))}");
        }

        w.WriteLine(r.Pgbench switch
        {
            { Tps: { } tps } pg => $"pgbench : {F(tps)} tps, latence moyenne {F(pg.LatenceMoyenneMs ?? 0, "0.00")} ms ({pg.Note})",
            { } pg => $"pgbench : {pg.Note}",
            null => "plafonds non mesurés / ceilings skipped (--sans-plafonds)",
        });
        w.WriteLine($"ratios : soumissions/s ÷ pgbench tps = {(r.RatioSoumissionsSurPgbench is { } a ? F(a, "0.00") : "n/a")} ; vues/s ÷ Kestrel nu req/s = {(r.RatioVuesSurKestrelNu is { } b ? F(b, "0.000") : "n/a")}");
        if (r.Objectifs.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"objectifs / targets{(r.Base == "PostgreSQL" ? "" : " (fixés pour PostgreSQL / set for PostgreSQL)")} :");
            foreach (var o in r.Objectifs)
            {
                var marque = o.Atteint switch { true => "✔", false => "✘", null => "–" };
                w.WriteLine($"  {marque} {o.Nom,-44} {o.Cible,-12} {o.Mesure}");
            }
        }
    }

    public static async Task EcrireJsonAsync(Resultats r, string chemin)
    {
        var dossier = Path.GetDirectoryName(Path.GetFullPath(chemin));
        if (dossier is not null)
        {
            Directory.CreateDirectory(dossier);
        }

        await using var flux = File.Create(chemin);
        await JsonSerializer.SerializeAsync(flux, r, Json).ConfigureAwait(false);
    }

    private static string F(double valeur, string format = "0.0") => valeur.ToString(format, Inv);
}
