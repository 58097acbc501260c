using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Examens.Web.Tests.Outils;

/// <summary>
/// The real web host on a real SQLite file in its own temporary folder, with the demonstration data, mail written as
/// .eml files in that folder, and a fake clock the test moves (never a sleep).
/// </summary>
public sealed class UsineExamens : WebApplicationFactory<Program>
{
    private readonly string? _chaine;
    private readonly string? _basePostgres;

    public UsineExamens()
        : this(BasesDeDonnees.Sqlite)
    {
    }

    /// <summary>"sqlite" (a file in the temporary folder) or "postgres" (a new database on the server ./test.sh
    /// starts, dropped at the end).</summary>
    public static UsineExamens Pour(string baseDeDonnees) => new(baseDeDonnees);

    /// <summary>A web node on a database it shares with other nodes (the caller owns that database).</summary>
    public static UsineExamens Noeud(string chaineConnexion)
    {
        var usine = new UsineExamens(BasesDeDonnees.Sqlite);
        usine.Reglages["ConnectionStrings:Examens"] = chaineConnexion;
        return usine;
    }

    private UsineExamens(string baseDeDonnees)
    {
        BaseDeDonnees = baseDeDonnees;
        if (baseDeDonnees == BasesDeDonnees.Postgres)
        {
            (_chaine, _basePostgres) = BasesDeDonnees.CreerBasePostgres();
        }
    }

    public string BaseDeDonnees { get; }

    /// <summary>Service replacements applied after the host's own (a failing store, a log capture…), set before the first request.</summary>
    public Action<IServiceCollection>? Remplacements { get; set; }

    /// <summary>Settings given to the host, set before the first request.</summary>
    public Dictionary<string, string> Reglages { get; } = [];

    /// <summary>By default one hour before the seed's close: 15 Nov 2023, 16:00 Paris time.</summary>
    public static readonly DateTimeOffset Debut = new(2023, 11, 15, 15, 0, 0, TimeSpan.Zero);

    public string Dossier { get; } = Directory.CreateTempSubdirectory("examens-tests-").FullName;

    public FakeTimeProvider Horloge { get; } = new(Debut);

    public string DossierCourriels => Path.Combine(Dossier, "courriels");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Examens:Donnees", Dossier);
        foreach (var (cle, valeur) in Reglages)
        {
            builder.UseSetting(cle, valeur);
        }

        if (_chaine is not null)
        {
            builder.UseSetting("ConnectionStrings:Examens", _chaine);
        }

        builder.UseSetting("Examens:Demonstration", "true");
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Horloge);
            s.AddSingleton<IStartupFilter, AdresseDistante>();
        });
        if (Remplacements is { } remplacements)
        {
            builder.ConfigureServices(remplacements);
        }
    }

    /// <summary>
    /// The messages written so far, oldest first: by the file system's time (the fake clock may name files alike), then by
    /// name, whose sequence orders the messages one pass sends within the file system clock's coarse tick.
    /// </summary>
    public IReadOnlyList<MimeMessage> Courriels() =>
        !Directory.Exists(DossierCourriels) ? [] :
        [.. Directory.GetFiles(DossierCourriels, "*.eml").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    /// <summary>
    /// Runs this node's outbox pass now (after the one running, if any): the e-mails a request wrote with its change
    /// (a submission's confirmation) are then in the mail folder. Returns how many it sent.
    /// </summary>
    public Task<int> EnvoyerCourrielsAsync() =>
        Services.GetRequiredService<Examens.Web.Infrastructure.ExpediteurCourriels>().PasserAsync(TestContext.Current.CancellationToken);

    /// <summary>
    /// The last message to this address, once the outbox is sent: a submission's confirmation leaves in the background
    /// (at most once a second) and would otherwise land after the message the test looks for.
    /// </summary>
    public MimeMessage DernierCourrielPour(string adresse)
    {
        // Off the test's synchronisation context: the pass's continuations must not wait for this blocked thread.
        Task.Run(EnvoyerCourrielsAsync).GetAwaiter().GetResult();
        return Courriels().Last(m => m.To.Mailboxes.Any(b => b.Address == adresse));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Dossier))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Dossier, recursive: true);
        }

        if (disposing && _basePostgres is not null)
        {
            BasesDeDonnees.SupprimerBasePostgres(_basePostgres);
        }
    }
}
