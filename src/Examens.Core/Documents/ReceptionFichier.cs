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
    /// <summary>
    /// Up to this size an upload is handled in memory from the form to the store (the web host's form buffer is the
    /// same size): the usual scan or photo never touches a temporary file. With the admission limit (80 requests in
    /// progress) that is at most about 80 MB at once in the worst case; larger uploads go through temporary files.
    /// </summary>
    public const int TailleEnMemoire = 512 * 1024;

    public static async Task<FichierRecu> RecevoirAsync(Stream contenu, IStockageDocuments stockage, OptionsPieces options, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(stockage);
        ArgumentNullException.ThrowIfNull(options);
        // A small upload whose size is known (the usual scan or photo) is checked in memory: no temporary file to
        // write and read back. A larger one, or one of unknown size, goes through a temporary file that deletes itself.
        // The memory comes from the shared pool: at the rush, one new large buffer per upload would keep the
        // collector busy.
        var enMemoire = contenu.CanSeek && contenu.Length <= TailleEnMemoire;
        var loue = enMemoire ? System.Buffers.ArrayPool<byte>.Shared.Rent((int)contenu.Length + 1) : null;
        Stream tampon = loue is not null
            ? new MemoryStream(loue, 0, (int)contenu.Length + 1, writable: true)
            : new FileStream(Path.Combine(Path.GetTempPath(), $"examens-{Guid.NewGuid():N}.part"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await using (tampon.ConfigureAwait(false))
            {
                // A stream over a given array starts as long as the array: it must start empty, like a file.
                tampon.SetLength(0);
                return await ControlerPuisEnregistrerAsync(contenu, tampon, stockage, options, annulation).ConfigureAwait(false);
            }
        }
        finally
        {
            if (loue is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(loue);
            }
        }
    }

    private static async Task<FichierRecu> ControlerPuisEnregistrerAsync(
        Stream contenu, Stream tampon, IStockageDocuments stockage, OptionsPieces options, CancellationToken annulation)
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
