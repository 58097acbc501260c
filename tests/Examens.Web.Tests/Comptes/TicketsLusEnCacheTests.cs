using System.Security.Claims;
using Examens.Web.Comptes;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Web.Tests.Comptes;

public sealed class TicketsLusEnCacheTests
{
    /// <summary>Real Data Protection, counting the decryptions it is asked for.</summary>
    private sealed class ProtecteurCompte(IDataProtector interne) : IDataProtector
    {
        public int Dechiffrements { get; private set; }

        public IDataProtector CreateProtector(string purpose) => new ProtecteurCompte(interne.CreateProtector(purpose));

        public byte[] Protect(byte[] plaintext) => interne.Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData)
        {
            Dechiffrements++;
            return interne.Unprotect(protectedData);
        }
    }

    private readonly FakeTimeProvider _horloge = new(UsineExamens.Debut);
    private readonly ProtecteurCompte _protecteur = new(new EphemeralDataProtectionProvider().CreateProtector("tests"));

    private TicketsLusEnCache Format() => new(new TicketDataFormat(_protecteur), _horloge);

    private static AuthenticationTicket Ticket(string id) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], IdentityConstants.ApplicationScheme)),
        new AuthenticationProperties { ExpiresUtc = UsineExamens.Debut.AddHours(2) },
        IdentityConstants.ApplicationScheme);

    [Fact]
    public void The_same_cookie_is_decrypted_once_a_minute_and_each_request_gets_its_own_copy()
    {
        var format = Format();
        var cookie = format.Protect(Ticket("ines"));

        var premier = format.Unprotect(cookie)!;
        ((ClaimsIdentity)premier.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Administrateur"));
        var second = format.Unprotect(cookie)!;

        Assert.Equal(1, _protecteur.Dechiffrements);
        Assert.Equal("ines", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(UsineExamens.Debut.AddHours(2), second.Properties.ExpiresUtc);
        Assert.False(second.Principal.IsInRole("Administrateur"));

        _horloge.Advance(TicketsLusEnCache.Duree);
        Assert.Equal("ines", format.Unprotect(cookie)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(2, _protecteur.Dechiffrements);
    }

    [Fact]
    public void A_tampered_cookie_is_refused_every_time_and_another_cookie_never_gets_a_kept_ticket()
    {
        var format = Format();
        var cookie = format.Protect(Ticket("ines"));
        var autre = format.Protect(Ticket("paul"));
        Assert.NotNull(format.Unprotect(cookie));

        var modifie = string.Concat(cookie.AsSpan(0, cookie.Length - 3), cookie[^3] == 'A' ? "B" : "A", cookie.AsSpan(cookie.Length - 2));
        Assert.Null(format.Unprotect(modifie));
        Assert.Null(format.Unprotect(modifie));
        Assert.Equal("paul", format.Unprotect(autre)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(4, _protecteur.Dechiffrements);
    }

    [Fact]
    public void The_portals_session_cookie_goes_through_the_copy()
    {
        using var usine = new UsineExamens();
        var options = usine.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.IsType<TicketsLusEnCache>(options.TicketDataFormat);
    }
}
