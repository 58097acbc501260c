namespace Examens.Tests.Commun;

/// <summary>The repository root, found from the test binary, to read the documented examples.</summary>
internal static class Racine
{
    public static string Depot { get; } = Trouver();

    private static string Trouver()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Examens.slnx")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("Racine du dépôt introuvable.");
    }
}
