namespace Examens.Core.Documents;

/// <summary>A received upload: stored with its type, or refused with the French reason.</summary>
public sealed record FichierRecu(DocumentStocke? Stocke, TypeFichier? Type, string? Erreur)
{
    public bool Accepte => Stocke is not null && Type is not null;
}

/// <summary>
/// Every upload goes the same way: copied to memory or a temporary file while its size is checked, recognised by content, then
/// stored by content hash. Nothing is recorded by this step; the caller records the reference once it is stored.
/// </summary>
public static class ReceptionFichier
{
    /// <summary>Up to this size an upload is checked in memory (at most this much per upload in progress).</summary>
    public const long TailleEnMemoire = 1024 * 1024;

    public static async Task<FichierRecu> RecevoirAsync(Stream contenu, IStockageDocuments stockage, OptionsPieces options, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(stockage);
        ArgumentNullException.ThrowIfNull(options);
        // A small upload whose size is known (the usual scan or photo) is checked in memory: no temporary file to
        // write and read back. A larger one, or one of unknown size, goes through a temporary file that deletes itself.
        Stream tampon = contenu.CanSeek && contenu.Length <= TailleEnMemoire
            ? new MemoryStream((int)contenu.Length + 1)
            : new FileStream(Path.Combine(Path.GetTempPath(), $"examens-{Guid.NewGuid():N}.part"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (tampon.ConfigureAwait(false))
        {
            var controle = await ControleFichier.AnalyserAsync(contenu, options.TailleMaximale, options.PixelsMaximum, tampon, annulation).ConfigureAwait(false);
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
}
