using System.Security.Cryptography;
using Examens.Core.Documents.Chiffrement;

namespace Examens.Core.Documents;

/// <summary>
/// <see cref="IStockageDocuments"/> on a local folder: each file lives at <c>&lt;racine&gt;/&lt;2 first hex&gt;/&lt;sha-256 hex&gt;</c>
/// and is written under <c>&lt;racine&gt;/tmp</c> first, so a reader never sees a half-written document.
/// Fingerprints are checked to be exactly 64 lowercase hex characters before any path is built from them.
/// With <see cref="ChiffrementDocuments"/> (always, in the web host) each file holds AES-GCM ciphertext while its name
/// stays the SHA-256 of the plain content, so the same document is still stored once.
/// </summary>
public sealed class StockageDocumentsDossier : IStockageDocuments
{
    private const int TailleBloc = 81_920;
    private const string ExtensionTemporaire = ".part";

    private readonly string _racine;
    private readonly string _temporaires;
    private readonly ChiffrementDocuments? _chiffrement;

    /// <param name="chiffrement">Null only in tests of the store itself: files are then kept as received.</param>
    public StockageDocumentsDossier(string racine, ChiffrementDocuments? chiffrement = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(racine);
        _chiffrement = chiffrement;
        _racine = Path.GetFullPath(racine);
        _temporaires = Path.Combine(_racine, "tmp");
    }

    public async Task<DocumentStocke> EnregistrerAsync(Stream contenu, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        Directory.CreateDirectory(_temporaires);
        var temporaire = Path.Combine(_temporaires, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + ExtensionTemporaire);
        try
        {
            string empreinte;
            long taille;
            using (var source = new FluxEmpreinte(contenu))
            {
                // One flush to disk once the whole file is written, before the rename that makes it visible: as durable
                // as writing through each block, without waiting for the disk at each one.
                var ecriture = new FileStream(temporaire, FileMode.CreateNew, FileAccess.Write, FileShare.None, TailleBloc, FileOptions.Asynchronous);
                await using (ecriture.ConfigureAwait(false))
                {
                    if (_chiffrement is null)
                    {
                        await source.CopyToAsync(ecriture, TailleBloc, annulation).ConfigureAwait(false);
                    }
                    else
                    {
                        await _chiffrement.ChiffrerAsync(source, ecriture, annulation).ConfigureAwait(false);
                    }

                    await ecriture.FlushAsync(annulation).ConfigureAwait(false);
                    ecriture.Flush(flushToDisk: true);
                }

                empreinte = source.Empreinte();
                taille = source.Lus;
            }

            var final = Chemin(empreinte);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            try
            {
                File.Move(temporaire, final, overwrite: false);
            }
            catch (IOException) when (File.Exists(final))
            {
                // Same fingerprint, same bytes: the document is already stored (perhaps by a concurrent upload). Its
                // age restarts, so the orphan sweep's grace period covers the reference about to be written.
                File.Delete(temporaire);
                File.SetLastWriteTimeUtc(final, TimeProvider.System.GetUtcNow().UtcDateTime);
            }

            return new DocumentStocke(empreinte, taille);
        }
        catch
        {
            SupprimerSansErreur(temporaire);
            throw;
        }
    }

    /// <summary>
    /// The plain content. Encrypted files are decrypted and checked whole before anything is returned, so an altered
    /// file gives <see cref="DocumentIllisibleException"/> rather than a download cut halfway.
    /// </summary>
    public async Task<Stream?> OuvrirAsync(string empreinte, CancellationToken annulation)
    {
        var chemin = Chemin(empreinte);
        annulation.ThrowIfCancellationRequested();
        Stream flux;
        try
        {
            // FileShare.Delete: a sweep may remove the document while a download is still reading it.
            flux = new FileStream(chemin, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, TailleBloc, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (_chiffrement is null)
        {
            return flux;
        }

        await using (flux.ConfigureAwait(false))
        {
            return await _chiffrement.LireAsync(flux, empreinte, annulation).ConfigureAwait(false);
        }
    }

    public Task<bool> ExisteAsync(string empreinte, CancellationToken annulation)
    {
        var chemin = Chemin(empreinte);
        annulation.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(chemin));
    }

    public Task SupprimerAsync(string empreinte, CancellationToken annulation)
    {
        var chemin = Chemin(empreinte);
        annulation.ThrowIfCancellationRequested();
        try
        {
            File.Delete(chemin);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: deleting twice is not an error.
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Writes, flushes and deletes a tiny file in the temporary folder, the way <see cref="EnregistrerAsync"/> starts:
    /// a missing mount, a full or read-only disk, or a file where the folder should be all answer false.
    /// </summary>
    public async Task<bool> EstDisponibleAsync(CancellationToken annulation)
    {
        var sonde = Path.Combine(_temporaires, "sonde-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ExtensionTemporaire);
        try
        {
            Directory.CreateDirectory(_temporaires);
            var flux = new FileStream(sonde, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1,
                FileOptions.WriteThrough | FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await using (flux.ConfigureAwait(false))
            {
                await flux.WriteAsync("ok"u8.ToArray(), annulation).ConfigureAwait(false);
                await flux.FlushAsync(annulation).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            SupprimerSansErreur(sonde);
            return false;
        }
    }

    /// <summary>Every stored fingerprint, sorted, for sweeps that compare the store with the database.</summary>
    public Task<IReadOnlyList<string>> ListerAsync(CancellationToken annulation)
    {
        var empreintes = new List<string>();
        if (Directory.Exists(_racine))
        {
            foreach (var sousDossier in Directory.EnumerateDirectories(_racine))
            {
                var prefixe = Path.GetFileName(sousDossier);
                if (prefixe.Length != 2 || !EstHexMinuscule(prefixe))
                {
                    continue; // tmp, or anything that is not ours
                }

                foreach (var fichier in Directory.EnumerateFiles(sousDossier))
                {
                    annulation.ThrowIfCancellationRequested();
                    var nom = Path.GetFileName(fichier);
                    if (EstEmpreinte(nom) && nom.StartsWith(prefixe, StringComparison.Ordinal))
                    {
                        empreintes.Add(nom);
                    }
                }
            }
        }

        empreintes.Sort(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<string>>(empreintes);
    }

    /// <summary>When the stored file was last written (or re-received), or null when there is none; for the orphan sweep.</summary>
    public DateTime? DerniereEcritureUtc(string empreinte)
    {
        var chemin = Chemin(empreinte);
        return File.Exists(chemin) ? File.GetLastWriteTimeUtc(chemin) : null;
    }

    /// <summary>
    /// Removes temporary files left by writes that died (process killed, power cut) and not modified for
    /// <paramref name="age"/>; the age must exceed the longest upload, or a write still in progress would fail.
    /// Returns how many were removed.
    /// </summary>
    public Task<int> NettoyerTemporairesAsync(TimeSpan age, TimeProvider horloge, CancellationToken annulation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(age, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(horloge);
        if (!Directory.Exists(_temporaires))
        {
            return Task.FromResult(0);
        }

        var limite = horloge.GetUtcNow().UtcDateTime - age;
        var supprimes = 0;
        foreach (var fichier in Directory.EnumerateFiles(_temporaires, "*" + ExtensionTemporaire))
        {
            annulation.ThrowIfCancellationRequested();
            if (File.GetLastWriteTimeUtc(fichier) < limite && SupprimerSansErreur(fichier))
            {
                supprimes++;
            }
        }

        return Task.FromResult(supprimes);
    }

    private string Chemin(string empreinte)
    {
        ArgumentNullException.ThrowIfNull(empreinte);
        if (!EstEmpreinte(empreinte))
        {
            throw new ArgumentException("Une empreinte de document compte exactement 64 caractères hexadécimaux minuscules (SHA-256).", nameof(empreinte));
        }

        return Path.Combine(_racine, empreinte[..2], empreinte);
    }

    private static bool EstEmpreinte(string texte) => texte.Length == 64 && EstHexMinuscule(texte);

    private static bool EstHexMinuscule(string texte) => texte.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static bool SupprimerSansErreur(string chemin)
    {
        try
        {
            File.Delete(chemin);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another sweep or the writer itself got there first; the next sweep will retry.
            return false;
        }
    }
}
