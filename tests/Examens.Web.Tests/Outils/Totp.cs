using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Examens.Web.Tests.Outils;

/// <summary>
/// The code an authenticator app shows (RFC 6238: HMAC-SHA1, 30-second step, 6 digits, Base32 key). Identity's
/// AuthenticatorTokenProvider (Microsoft.Extensions.Identity.Core 10.0) checks codes against the system clock
/// (DateTime.UtcNow; the assembly does not reference TimeProvider), not the injected one, so the code is computed
/// from TimeProvider.System and not from the test's fake clock.
/// </summary>
public static class Totp
{
    public static string Code(string cleBase32) => Code(cleBase32, TimeProvider.System.GetUtcNow());

    public static string Code(string cleBase32, DateTimeOffset instant)
    {
        Span<byte> pas = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(pas, instant.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps and Identity implement it is HMAC-SHA1.
        var empreinte = HMACSHA1.HashData(Base32(cleBase32), pas);
#pragma warning restore CA5350
        var decalage = empreinte[^1] & 0x0F;
        var nombre = (BinaryPrimitives.ReadInt32BigEndian(empreinte.AsSpan(decalage, 4)) & 0x7FFFFFFF) % 1_000_000;
        return nombre.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string texte)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var octets = new List<byte>();
        int tampon = 0, bits = 0;
        foreach (var c in texte.TrimEnd('=').ToUpperInvariant())
        {
            tampon = (tampon << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                octets.Add((byte)((tampon >> bits) & 0xFF));
            }
        }

        return [.. octets];
    }
}
