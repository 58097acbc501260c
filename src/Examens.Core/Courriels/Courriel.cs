namespace Examens.Core.Courriels;

/// <summary>An e-mail to one person, in French, as plain text (and optional HTML).</summary>
public sealed record Courriel(string Destinataire, string Objet, string Texte, string? Html = null);

/// <summary>Sends e-mail: by SMTP when a server is configured, else as .eml files in a folder the host prints at start.</summary>
public interface IEnvoiCourriel
{
    Task EnvoyerAsync(Courriel courriel, CancellationToken annulation);
}
