using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Examens.Core.Documents.Chiffrement;

namespace Examens.Web.Infrastructure.ProtectionDonnees;

/// <summary>
/// The format of a data-protection key's secret once encrypted (the key ring lives in the database for several
/// nodes; in clear, anyone reading the database could forge sign-in cookies). AES-256-GCM under a sub-key derived
/// from the document key by HKDF with its own label (one secret for operators, never one key for two purposes):
/// <code>&lt;cleChiffree xmlns="urn:examens:protection-donnees" version="1" cle="ID"&gt;base64(nonce 12 | tag 16 | chiffré)&lt;/cleChiffree&gt;</code>
/// The document key id and the format version are authenticated with the ciphertext.
/// </summary>
public static class AnneauClesChiffre
{
    public static readonly XNamespace Espace = "urn:examens:protection-donnees";
    public static readonly XName Nom = Espace + "cleChiffree";
    private const string Usage = "Examens/ProtectionDonnees/AnneauCles/v1";
    private const int TailleNonce = 12;
    private const int TailleTag = 16;

    public static XElement Chiffrer(XElement clair, CleDocuments cle)
    {
        ArgumentNullException.ThrowIfNull(clair);
        ArgumentNullException.ThrowIfNull(cle);
        var texte = Encoding.UTF8.GetBytes(clair.ToString(SaveOptions.DisableFormatting));
        var sortie = new byte[TailleNonce + TailleTag + texte.Length];
        var nonce = sortie.AsSpan(0, TailleNonce);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(cle.Deriver(Usage), TailleTag))
        {
            aes.Encrypt(nonce, texte, sortie.AsSpan(TailleNonce + TailleTag), sortie.AsSpan(TailleNonce, TailleTag), DonneeAssociee(cle.Id));
        }

        CryptographicOperations.ZeroMemory(texte);
        return new XElement(Nom, new XAttribute("version", "1"), new XAttribute("cle", cle.Id), Convert.ToBase64String(sortie));
    }

    /// <summary>The plain secret, or an <see cref="InvalidOperationException"/> in French saying what the operator must do.</summary>
    public static XElement Dechiffrer(XElement chiffre, ChiffrementDocuments cles)
    {
        ArgumentNullException.ThrowIfNull(chiffre);
        ArgumentNullException.ThrowIfNull(cles);
        var id = (string?)chiffre.Attribute("cle") ?? "";
        if ((string?)chiffre.Attribute("version") != "1")
        {
            throw new InvalidOperationException("Une clé de protection des données (cookies de connexion) stockée en base a un format inconnu de cette version d'Examens.");
        }

        var cle = cles.Trouver(id) ?? throw new InvalidOperationException(
            $"Une clé de protection des données (cookies de connexion) stockée en base a été chiffrée avec la clé de documents « {id} », que ce serveur n'a pas. "
            + "Tous les nœuds doivent avoir les mêmes clés de documents (Examens:Documents:Cle, Examens:Documents:FichierCle ou cles-documents.txt) : voir docs/operations.md.");
        byte[] octets;
        try
        {
            octets = Convert.FromBase64String(chiffre.Value);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("Une clé de protection des données stockée en base est illisible (base64 invalide).", e);
        }

        if (octets.Length < TailleNonce + TailleTag)
        {
            throw new InvalidOperationException("Une clé de protection des données stockée en base est tronquée.");
        }

        var texte = new byte[octets.Length - TailleNonce - TailleTag];
        try
        {
            using var aes = new AesGcm(cle.Deriver(Usage), TailleTag);
            aes.Decrypt(octets.AsSpan(0, TailleNonce), octets.AsSpan(TailleNonce + TailleTag), octets.AsSpan(TailleNonce, TailleTag), texte, DonneeAssociee(id));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidOperationException(
                $"Une clé de protection des données (cookies de connexion) stockée en base ne s'ouvre pas avec la clé de documents « {id} » de ce serveur : "
                + "elle diffère de celle du nœud qui l'a écrite, ou la base a été altérée. Tous les nœuds doivent avoir les mêmes clés de documents : voir docs/operations.md.", e);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(texte));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(texte);
        }
    }

    private static byte[] DonneeAssociee(string id) => Encoding.UTF8.GetBytes($"{Usage}|{id}");
}
