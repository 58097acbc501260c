using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Examens.Web.Infrastructure.Admission;

/// <summary>
/// The admission cookie: proof, signed with Data Protection (keys shared by every node), that this browser was let in
/// recently. It carries only its end time, by the server's clock, and slides forward while the candidate goes on.
/// </summary>
public sealed class BilletAdmission
{
    public const string NomCookie = "examens-admission";

    /// <summary>Cookies already read on this node, each with the end it proves (a few MB at most).</summary>
    public const int CapaciteLus = 20_000;

    private readonly IDataProtector _protecteur;
    private readonly TimeProvider _horloge;
    private readonly TimeSpan _duree;

    private readonly CopieBornee<DateTimeOffset> _lus = new(CapaciteLus);

    public BilletAdmission(IDataProtectionProvider protection, TimeProvider horloge, IOptions<OptionsAdmission> options)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(options);
        _protecteur = protection.CreateProtector("Examens.Admission.v1");
        _horloge = horloge;
        _duree = TimeSpan.FromMinutes(options.Value.DureeAdmissionMinutes);
    }

    /// <summary>The end of the admission this request proves, or null (no cookie, forged, expired).</summary>
    public DateTimeOffset? Lire(HttpRequest requete)
    {
        ArgumentNullException.ThrowIfNull(requete);
        if (!requete.Cookies.TryGetValue(NomCookie, out var valeur) || string.IsNullOrEmpty(valeur))
        {
            return null;
        }

        // The same cookie comes back with every page: its end time is read by Data Protection once per node, then kept
        // beside the exact cookie it came from until that end.
        var maintenant = _horloge.GetUtcNow();
        if (_lus.TryLire(valeur, maintenant, out var fin))
        {
            return fin;
        }

        try
        {
            fin = DateTimeOffset.FromUnixTimeSeconds(long.Parse(_protecteur.Unprotect(valeur), NumberStyles.None, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }

        if (fin <= maintenant)
        {
            return null;
        }

        _lus.Garder(valeur, fin, fin, maintenant);
        return fin;
    }

    /// <summary>Gives or renews the cookie on an admitted request; renewed past half its life, not on every answer.</summary>
    public void Delivrer(HttpContext http, DateTimeOffset? finActuelle)
    {
        ArgumentNullException.ThrowIfNull(http);
        var maintenant = _horloge.GetUtcNow();
        if (finActuelle is { } fin && fin - maintenant > _duree / 2)
        {
            return;
        }

        var valeur = _protecteur.Protect((maintenant + _duree).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        // A session cookie: the end time inside is checked by the server's clock, not by the browser's.
        http.Response.Cookies.Append(NomCookie, valeur, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
    }
}
