namespace Examens.Core.Documents;

/// <summary>A received upload: stored with its type, or refused with the French reason.</summary>
public sealed record FichierRecu(DocumentStocke? Stocke, TypeFichier? Type, string? Erreur)
{
    public bool Accepte => Stocke is not null && Type is not null;
}

/// <summary>
/// Every upload goes the same way: its size checked (a large one copied to a temporary file on the way), recognised by
/// content, then stored by content hash. Nothing is recorded by this step; the caller records the reference once it is stored.
/// </summary>
public static class ReceptionFichier
{
    /// <summary>
    /// Up to this size an upload is handled in memory from the form to the store (the web host's form buffer is the
    /// same size, and the file is checked and stored from that buffer): the usual scan or photo never touches a
    /// temporary file. With the admission limit (80 requests in progress) that is at most about 40 MB at once in the
    /// worst case; larger uploads go through temporary files.
    /// </summary>
    public const int TailleEnMemoire = 512 * 1024;

    public static async Task<FichierRecu> RecevoirAsync(Stream contenu, IStockageDocuments stockage, OptionsPieces options, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(stockage);
        ArgumentNullException.ThrowIfNull(options);
        // A small upload the form already holds whole (the usual scan or photo: seekable, its length known) is checked
        // and stored where it is, with no copy. A larger one, or one of unknown size, is first copied to a temporary file
        // that deletes itself, reading no further than one byte past the limit.
        if (contenu.CanSeek && contenu.Length <= TailleEnMemoire)
        {
            var controle = await ControleFichier.AnalyserSurPlaceAsync(contenu, options.TailleMaximale, options.PixelsMaximum, annulation).ConfigureAwait(false);
            return await EnregistrerAsync(controle, contenu, stockage, annulation).ConfigureAwait(false);
        }

        var tampon = new FileStream(Path.Combine(Path.GetTempPath(), $"examens-{Guid.NewGuid():N}.part"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (tampon.ConfigureAwait(false))
        {
            var controle = await ControleFichier.AnalyserAsync(contenu, options.TailleMaximale, options.PixelsMaximum, tampon, annulation).ConfigureAwait(false);
            return await EnregistrerAsync(controle, tampon, stockage, annulation).ConfigureAwait(false);
        }
    }

    private static async Task<FichierRecu> EnregistrerAsync(ResultatControleFichier controle, Stream tampon, IStockageDocuments stockage, CancellationToken annulation)
    {
        if (!controle.EstValide || controle.Type is null)
        {
            return new FichierRecu(null, null, controle.Erreur ?? "Fichier refusé.");
        }

        tampon.Position = 0;
        try
        {
            return new FichierRecu(await stockage.EnregistrerAsync(tampon, annulation).ConfigureAwait(false), controle.Type, null);
        }
        catch (Antivirus.FichierRefuseException e)
        {
            return new FichierRecu(null, null, e.Message);
        }
    }
}
