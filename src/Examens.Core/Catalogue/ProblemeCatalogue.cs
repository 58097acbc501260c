namespace Examens.Core.Catalogue;

/// <summary>One thing wrong in a catalogue file: which file, where in it (a JSON path) and what.</summary>
public sealed record ProblemeCatalogue(string Fichier, string? Chemin, string Message)
{
    public override string ToString() => Chemin is null ? $"{Fichier} : {Message}" : $"{Fichier}, {Chemin} : {Message}";
}

public sealed class CatalogueInvalideException(IReadOnlyList<ProblemeCatalogue> problemes)
    : Exception($"Catalogue invalide :{Environment.NewLine}{string.Join(Environment.NewLine, problemes)}")
{
    public IReadOnlyList<ProblemeCatalogue> Problemes { get; } = problemes;
}
