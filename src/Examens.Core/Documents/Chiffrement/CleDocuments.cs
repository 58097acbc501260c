using System.Security.Cryptography;
using System.Text;

namespace Examens.Core.Documents.Chiffrement;

/// <summary>
/// One AES-256 key with its short identifier, written in every file it encrypts so an old key still opens old files
/// after a rotation. Written "id:base64" in settings and key files.
/// </summary>
public sealed class CleDocuments
{
    public const int TailleCle = 32;

    public CleDocuments(string id, byte[] cle)
    {
        ArgumentNullException.ThrowIfNull(cle);
        if (string.IsNullOrEmpty(id) || id.Length > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("L'identifiant d'une clé de documents compte 1 à 32 lettres, chiffres, « - » ou « _ ».", nameof(id));
        }

        if (cle.Length != TailleCle)
        {
            throw new ArgumentException($"Une clé de documents fait {TailleCle} octets (AES-256) ; celle « {id} » en fait {cle.Length}.", nameof(cle));
        }

        Id = id;
        IdOctets = Encoding.ASCII.GetBytes(id);
        Cle = cle;
    }

    public string Id { get; }

    internal byte[] IdOctets { get; }

    internal byte[] Cle { get; }

    /// <summary>"id:base64", or a bare base64 key whose id is then <paramref name="idParDefaut"/>.</summary>
    public static CleDocuments Lire(string texte, string idParDefaut = "1")
    {
        ArgumentNullException.ThrowIfNull(texte);
        var separateur = texte.IndexOf(':', StringComparison.Ordinal);
        var (id, base64) = separateur < 0 ? (idParDefaut, texte.Trim()) : (texte[..separateur].Trim(), texte[(separateur + 1)..].Trim());
        byte[] cle;
        try
        {
            cle = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"La clé de documents « {id} » n'est pas du base64 valide.", nameof(texte), e);
        }

        return new CleDocuments(id, cle);
    }

    public string Ecrire() => $"{Id}:{Convert.ToBase64String(Cle)}";

    /// <summary>
    /// A 32-byte key for another purpose (e.g. the data-protection key ring), derived with HKDF-SHA256 under a label of
    /// its own: operators keep one secret, and no key ever serves two purposes.
    /// </summary>
    public byte[] Deriver(string usage)
    {
        ArgumentException.ThrowIfNullOrEmpty(usage);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Cle, TailleCle, salt: IdOctets, info: Encoding.UTF8.GetBytes(usage));
    }
}
