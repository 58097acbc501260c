namespace Examens.Core.Documents;

/// <summary>A stored file, named by the SHA-256 of its content (lowercase hex).</summary>
public sealed record DocumentStocke(string Empreinte, long Taille);

/// <summary>
/// Where uploaded documents live, behind one interface: the embedded default is a folder under the data directory;
/// a store every web node sees comes with several nodes. Content-addressed: the same bytes are stored once.
/// </summary>
public interface IStockageDocuments
{
    /// <summary>Writes the content to a temporary file, flushes it to disk and renames it into place.</summary>
    Task<DocumentStocke> EnregistrerAsync(Stream contenu, CancellationToken annulation);

    /// <summary>The content, or null when no file has this fingerprint.</summary>
    Task<Stream?> OuvrirAsync(string empreinte, CancellationToken annulation);

    Task<bool> ExisteAsync(string empreinte, CancellationToken annulation);

    Task SupprimerAsync(string empreinte, CancellationToken annulation);

    /// <summary>Whether a document could be written now: the readiness check asks before a node takes traffic.</summary>
    Task<bool> EstDisponibleAsync(CancellationToken annulation);
}
