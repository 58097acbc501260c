using System.Globalization;
using System.Xml.Linq;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Persistance;

namespace Examens.Web.Infrastructure.ProtectionDonnees;

/// <summary>
/// At start, every data-protection key still in force is opened with this node's document keys: a node given another
/// key stops at once with a French message, instead of treating every cookie of the other nodes as invalid and
/// writing keys that they in turn could not read. Expired keys are not checked (no cookie or token made with them is
/// still valid), so a document key retired long after a rotation does not block the start. Keys stored in clear before
/// encryption existed are read as they are.
/// </summary>
public static class VerifierAnneauCles
{
    public static void Verifier(ExamensDbContext db, ChiffrementDocuments cles, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var xml in db.DataProtectionKeys.Select(k => k.Xml).ToList())
        {
            if (string.IsNullOrEmpty(xml))
            {
                continue;
            }

            var cle = XElement.Parse(xml);
            if ((string?)cle.Element("expirationDate") is { } fin
                && DateTimeOffset.TryParse(fin, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiration)
                && expiration <= maintenant)
            {
                continue;
            }

            foreach (var chiffre in cle.Descendants(AnneauClesChiffre.Nom))
            {
                AnneauClesChiffre.Dechiffrer(chiffre, cles);
            }
        }
    }
}
