using System.Xml.Linq;
using Examens.Core.Documents.Chiffrement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Examens.Web.Infrastructure.ProtectionDonnees;

/// <summary>Encrypts every new data-protection key before it is written to the database, with the current document key.</summary>
public sealed class ChiffreurAnneauCles(ChiffrementDocuments cles) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(AnneauClesChiffre.Chiffrer(plaintextElement, cles.Courante), typeof(DechiffreurAnneauCles));
}
