using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Examens.Core.Inscriptions;

/// <summary>
/// The stored form of a draft and of a submitted version. The same options always, so the same registration gives
/// the same bytes and the same SHA-256 (the receipt's hash).
/// </summary>
public static class SerialisationInscription
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Ecrire<T>(T valeur) => JsonSerializer.Serialize(valeur, Options);

    public static DonneesInscription LireBrouillon(string json) =>
        string.IsNullOrWhiteSpace(json) ? new DonneesInscription() : JsonSerializer.Deserialize<DonneesInscription>(json, Options) ?? new DonneesInscription();

    public static string Empreinte(string contenu) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contenu)));

    /// <summary>A short code printed on the confirmation that lets an officer find the version it shows.</summary>
    public static string CodeVerification(string numero, int version, string empreinte)
    {
        var h = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{numero}|{version}|{empreinte}")));
        return $"{h[..4]}-{h[4..8]}-{h[8..12]}";
    }
}
