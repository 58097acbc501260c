using System.Security.Cryptography;
using Examens.Core.Documents.Chiffrement;

namespace Examens.Core.Tests.Documents.Chiffrement;

/// <summary>One secret for the operator, one key per purpose: sub-keys are derived with HKDF under a label of their own.</summary>
public sealed class CleDocumentsTests
{
    [Fact]
    public void A_derived_key_is_stable_depends_on_its_label_and_the_key_and_is_never_the_document_key_itself()
    {
        var octets = RandomNumberGenerator.GetBytes(CleDocuments.TailleCle);
        var cle = new CleDocuments("2026", octets);

        var anneau = cle.Deriver("Examens/ProtectionDonnees/AnneauCles/v1");
        Assert.Equal(CleDocuments.TailleCle, anneau.Length);
        Assert.Equal(anneau, new CleDocuments("2026", [.. octets]).Deriver("Examens/ProtectionDonnees/AnneauCles/v1"));
        Assert.NotEqual(anneau, cle.Deriver("Examens/AutreUsage/v1"));
        Assert.NotEqual(anneau, octets);
        // The id is the salt: the same bytes listed under another id give another sub-key.
        Assert.NotEqual(anneau, new CleDocuments("2027", [.. octets]).Deriver("Examens/ProtectionDonnees/AnneauCles/v1"));
        Assert.NotEqual(anneau, new CleDocuments("2026", RandomNumberGenerator.GetBytes(CleDocuments.TailleCle)).Deriver("Examens/ProtectionDonnees/AnneauCles/v1"));
        Assert.Throws<ArgumentException>(() => cle.Deriver(""));
    }

    [Fact]
    public void Keys_are_found_by_id_among_the_current_and_older_ones()
    {
        var ancienne = new CleDocuments("ancienne", RandomNumberGenerator.GetBytes(CleDocuments.TailleCle));
        var courante = new CleDocuments("courante", RandomNumberGenerator.GetBytes(CleDocuments.TailleCle));
        var cles = new ChiffrementDocuments(courante, [ancienne]);
        Assert.Same(courante, cles.Trouver("courante"));
        Assert.Same(ancienne, cles.Trouver("ancienne"));
        Assert.Null(cles.Trouver("inconnue"));
    }
}
