using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Examens.Core.Documents.Chiffrement;

/// <summary>
/// AES-256-GCM of stored documents, in segments so a file is encrypted while it streams (no whole upload in memory).
/// Layout (format version 1):
/// <code>"EXD" 0x01 | id length (1 byte) | key id (ASCII) | nonce prefix (7 random bytes) | segments</code>
/// each segment being up to 64 KiB of ciphertext followed by its 16-byte tag. Segment i uses the nonce
/// <c>prefix | i (4 bytes, big-endian) | 1 if last else 0</c> and the header as associated data (the STREAM
/// construction): a segment moved, dropped, cut or altered fails its tag. A fresh random prefix per file gives each
/// file its own nonces. Files without the "EXD" header are the plain files written before encryption existed.
/// </summary>
public sealed class ChiffrementDocuments
{
    public const int TailleSegment = 64 * 1024;
    private const int TailleTag = 16;
    private const int TaillePrefixe = 7;
    private static readonly byte[] Magique = [(byte)'E', (byte)'X', (byte)'D', 0x01];

    private const string MessageAltere =
        "Ce document stocké a été altéré (contrôle d'intégrité en échec) : il n'est pas rendu. Le candidat doit le déposer de nouveau ; signalez-le à l'exploitant.";

    private readonly Dictionary<string, CleDocuments> _cles;

    /// <param name="courante">The key new files are encrypted with.</param>
    /// <param name="anciennes">Keys kept only to read files written before a rotation.</param>
    public ChiffrementDocuments(CleDocuments courante, IEnumerable<CleDocuments>? anciennes = null)
    {
        ArgumentNullException.ThrowIfNull(courante);
        Courante = courante;
        _cles = new(StringComparer.Ordinal) { [courante.Id] = courante };
        foreach (var cle in anciennes ?? [])
        {
            if (!_cles.TryAdd(cle.Id, cle))
            {
                throw new ArgumentException($"Deux clés de documents portent l'identifiant « {cle.Id} ».", nameof(anciennes));
            }
        }
    }

    public CleDocuments Courante { get; }

    /// <summary>The key with this id (current or older), or null when this server does not have it.</summary>
    public CleDocuments? Trouver(string id) => _cles.GetValueOrDefault(id);

    /// <summary>Whether these first bytes start an encrypted document (a PDF, PNG or JPEG never starts so).</summary>
    public static bool EstChiffre(ReadOnlySpan<byte> debut) => debut.StartsWith(Magique);

    /// <summary>The id of the key a stored encrypted document needs, or null for a plain (older) document.</summary>
    public static string? IdCle(ReadOnlySpan<byte> debut) =>
        EstChiffre(debut) && debut.Length > Magique.Length && debut.Length >= Magique.Length + 1 + debut[Magique.Length]
            ? System.Text.Encoding.ASCII.GetString(debut.Slice(Magique.Length + 1, debut[Magique.Length]))
            : null;

    /// <summary>Encrypts <paramref name="clair"/> into <paramref name="chiffre"/>, segment by segment.</summary>
    public async Task ChiffrerAsync(Stream clair, Stream chiffre, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(clair);
        ArgumentNullException.ThrowIfNull(chiffre);
        var entete = Entete(Courante, RandomNumberGenerator.GetBytes(TaillePrefixe));
        await chiffre.WriteAsync(entete, annulation).ConfigureAwait(false);
        using var aes = new AesGcm(Courante.Cle, TailleTag);
        var tampon = new byte[TailleSegment + 1];
        var sortie = new byte[TailleSegment + TailleTag];
        var nonce = new byte[12];
        entete.AsSpan(entete.Length - TaillePrefixe).CopyTo(nonce);
        var enAvance = 0; // one byte read ahead tells whether the segment just read is the last
        for (uint numero = 0; ; numero++)
        {
            var lus = enAvance + await clair.ReadAtLeastAsync(tampon.AsMemory(enAvance, TailleSegment + 1 - enAvance), TailleSegment + 1 - enAvance, throwOnEndOfStream: false, annulation).ConfigureAwait(false);
            var dernier = lus <= TailleSegment;
            var taille = Math.Min(lus, TailleSegment);
            Nonce(nonce, numero, dernier);
            aes.Encrypt(nonce, tampon.AsSpan(0, taille), sortie.AsSpan(0, taille), sortie.AsSpan(taille, TailleTag), entete);
            await chiffre.WriteAsync(sortie.AsMemory(0, taille + TailleTag), annulation).ConfigureAwait(false);
            if (dernier)
            {
                return;
            }

            tampon[0] = tampon[TailleSegment];
            enAvance = 1;
        }
    }

    /// <summary>
    /// The same layout as <see cref="ChiffrerAsync"/> for a document already whole in memory, written into one array of
    /// its exact size: the database store needs the ciphertext as one array, and growing a buffer to it would allocate
    /// the document's size several times over (large-object heap garbage at every upload of the rush).
    /// </summary>
    public byte[] Chiffrer(ReadOnlySpan<byte> clair)
    {
        var entete = Entete(Courante, RandomNumberGenerator.GetBytes(TaillePrefixe));
        // At least one segment (an empty file has one, empty); a file of exactly n segments ends on a full one.
        var segments = Math.Max(1, (clair.Length + TailleSegment - 1) / TailleSegment);
        var chiffre = GC.AllocateUninitializedArray<byte>(entete.Length + clair.Length + (segments * TailleTag));
        entete.CopyTo(chiffre, 0);
        using var aes = new AesGcm(Courante.Cle, TailleTag);
        var nonce = new byte[12];
        entete.AsSpan(entete.Length - TaillePrefixe).CopyTo(nonce);
        var ecrit = entete.Length;
        for (var numero = 0; numero < segments; numero++)
        {
            var segment = clair.Slice(numero * TailleSegment, Math.Min(TailleSegment, clair.Length - (numero * TailleSegment)));
            Nonce(nonce, (uint)numero, numero == segments - 1);
            aes.Encrypt(nonce, segment, chiffre.AsSpan(ecrit, segment.Length), chiffre.AsSpan(ecrit + segment.Length, TailleTag), entete);
            ecrit += segment.Length + TailleTag;
        }

        return chiffre;
    }

    /// <summary>
    /// The document as it was received, fully checked before anything is returned: every segment's tag, then the
    /// SHA-256 <paramref name="empreinte"/> it is stored under (which also checks the older plain files). Altered or
    /// unreadable → <see cref="DocumentIllisibleException"/>, never garbage.
    /// </summary>
    public async Task<Stream> LireAsync(Stream stocke, string empreinte, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(stocke);
        var debut = new byte[Magique.Length];
        var lus = await stocke.ReadAtLeastAsync(debut, debut.Length, throwOnEndOfStream: false, annulation).ConfigureAwait(false);
        var clair = new MemoryStream();
        if (lus == Magique.Length && EstChiffre(debut))
        {
            await DechiffrerAsync(stocke, clair, annulation).ConfigureAwait(false);
        }
        else
        {
            // A plain document from before encryption: its fingerprint still proves it is the one received.
            await clair.WriteAsync(debut.AsMemory(0, lus), annulation).ConfigureAwait(false);
            await stocke.CopyToAsync(clair, annulation).ConfigureAwait(false);
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(clair.GetBuffer().AsSpan(0, (int)clair.Length))), empreinte, StringComparison.Ordinal))
        {
            throw new DocumentIllisibleException(MessageAltere);
        }

        return new MemoryStream(clair.GetBuffer(), 0, (int)clair.Length, writable: false);
    }

    private async Task DechiffrerAsync(Stream stocke, Stream clair, CancellationToken annulation)
    {
        var longueurId = new byte[1];
        await LireExactementAsync(stocke, longueurId, annulation).ConfigureAwait(false);
        var suite = new byte[longueurId[0] + TaillePrefixe];
        await LireExactementAsync(stocke, suite, annulation).ConfigureAwait(false);
        var id = System.Text.Encoding.ASCII.GetString(suite, 0, longueurId[0]);
        if (!_cles.TryGetValue(id, out var cle))
        {
            throw new DocumentIllisibleException(
                $"Ce document a été chiffré avec la clé « {id} », que ce serveur n'a pas : ajoutez-la aux anciennes clés (voir docs/security.md, rotation des clés).");
        }

        byte[] entete = [.. Magique, .. longueurId, .. suite];
        using var aes = new AesGcm(cle.Cle, TailleTag);
        var tampon = new byte[TailleSegment + TailleTag + 1];
        var sortie = new byte[TailleSegment];
        var nonce = new byte[12];
        suite.AsSpan(longueurId[0]).CopyTo(nonce);
        var enAvance = 0;
        for (uint numero = 0; ; numero++)
        {
            var voulu = TailleSegment + TailleTag + 1 - enAvance;
            var lus = enAvance + await stocke.ReadAtLeastAsync(tampon.AsMemory(enAvance, voulu), voulu, throwOnEndOfStream: false, annulation).ConfigureAwait(false);
            var dernier = lus <= TailleSegment + TailleTag;
            var taille = Math.Min(lus, TailleSegment + TailleTag) - TailleTag;
            if (taille < 0)
            {
                throw new DocumentIllisibleException(MessageAltere);
            }

            Nonce(nonce, numero, dernier);
            try
            {
                aes.Decrypt(nonce, tampon.AsSpan(0, taille), tampon.AsSpan(taille, TailleTag), sortie.AsSpan(0, taille), entete);
            }
            catch (AuthenticationTagMismatchException e)
            {
                throw new DocumentIllisibleException(MessageAltere, e);
            }

            await clair.WriteAsync(sortie.AsMemory(0, taille), annulation).ConfigureAwait(false);
            if (dernier)
            {
                return;
            }

            tampon[0] = tampon[TailleSegment + TailleTag];
            enAvance = 1;
        }
    }

    private static async Task LireExactementAsync(Stream flux, byte[] tampon, CancellationToken annulation)
    {
        if (await flux.ReadAtLeastAsync(tampon, tampon.Length, throwOnEndOfStream: false, annulation).ConfigureAwait(false) < tampon.Length)
        {
            throw new DocumentIllisibleException(MessageAltere);
        }
    }

    private static byte[] Entete(CleDocuments cle, byte[] prefixe) => [.. Magique, (byte)cle.IdOctets.Length, .. cle.IdOctets, .. prefixe];

    private static void Nonce(byte[] nonce, uint numero, bool dernier)
    {
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(TaillePrefixe), numero);
        nonce[11] = dernier ? (byte)1 : (byte)0;
    }
}
