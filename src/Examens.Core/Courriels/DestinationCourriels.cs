namespace Examens.Core.Courriels;

/// <summary>
/// Where mail goes, for the host to print at start: a folder of .eml files, or an SMTP server.
/// Exactly one of the two is set.
/// </summary>
public sealed record DestinationCourriels(string? Dossier, string? ServeurSmtp)
{
    /// <summary>One French line for the console.</summary>
    public string Description => Dossier is not null
        ? $"Courriels : aucun serveur SMTP configuré, les messages sont écrits dans {Dossier}"
        : $"Courriels : envoyés par le serveur SMTP {ServeurSmtp}";
}
