namespace Examens.Core.Documents.Antivirus;

/// <summary>
/// When <c>Examens:Antivirus:Clamd</c> is set, every document goes through ClamAV before the store keeps it. Fails
/// closed: an infected file is refused, and so is every file while clamd cannot be reached (the candidate retries),
/// because a document accepted unscanned could not be told apart later.
/// </summary>
public sealed class StockageAnalyse(IStockageDocuments interne, ClientClamd clamd) : IStockageDocuments
{
    public const string MessageIndisponible =
        "L'analyse antivirus des fichiers est momentanément indisponible : votre fichier n'a pas été enregistré. Réessayez dans quelques minutes.";

    public async Task<DocumentStocke> EnregistrerAsync(Stream contenu, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        if (!contenu.CanSeek)
        {
            throw new ArgumentException("Le fichier à analyser doit être repositionnable (copie temporaire).", nameof(contenu));
        }

        var debut = contenu.Position;
        string? signature;
        try
        {
            signature = await clamd.AnalyserAsync(contenu, annulation).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new FichierRefuseException(MessageIndisponible, e);
        }

        if (signature is not null)
        {
            throw new FichierRefuseException(
                $"L'antivirus a détecté un logiciel malveillant dans ce fichier ({signature}) : il est refusé. Analysez votre ordinateur, puis déposez une copie saine du document.");
        }

        contenu.Position = debut;
        return await interne.EnregistrerAsync(contenu, annulation).ConfigureAwait(false);
    }

    public Task<Stream?> OuvrirAsync(string empreinte, CancellationToken annulation) => interne.OuvrirAsync(empreinte, annulation);

    public Task<bool> ExisteAsync(string empreinte, CancellationToken annulation) => interne.ExisteAsync(empreinte, annulation);

    public Task SupprimerAsync(string empreinte, CancellationToken annulation) => interne.SupprimerAsync(empreinte, annulation);

    public Task<bool> EstDisponibleAsync(CancellationToken annulation) => interne.EstDisponibleAsync(annulation);
}
