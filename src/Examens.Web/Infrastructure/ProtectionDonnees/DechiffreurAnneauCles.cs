using System.Xml.Linq;
using Examens.Core.Documents.Chiffrement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Examens.Web.Infrastructure.ProtectionDonnees;

/// <summary>
/// Reads a key written by <see cref="ChiffreurAnneauCles"/> with the document key it names (current or older).
/// Made by the data-protection system from the type name stored with the key, hence the service-provider constructor.
/// </summary>
public sealed class DechiffreurAnneauCles(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        AnneauClesChiffre.Dechiffrer(encryptedElement, services.GetRequiredService<ChiffrementDocuments>());
}
