using Examens.Web.Infrastructure.Admission;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Web.Tests.Infrastructure.Admission;

public sealed class BilletAdmissionTests
{
    private readonly FakeTimeProvider _horloge = new(UsineExamens.Debut);
    private readonly BilletAdmission _billet;

    public BilletAdmissionTests() =>
        _billet = new BilletAdmission(new EphemeralDataProtectionProvider(), _horloge, Options.Create(new OptionsAdmission { DureeAdmissionMinutes = 20 }));

    private static DefaultHttpContext Requete(string? cookie)
    {
        var http = new DefaultHttpContext();
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = $"{BilletAdmission.NomCookie}={cookie}";
        }

        return http;
    }

    private string Delivre()
    {
        var http = new DefaultHttpContext();
        _billet.Delivrer(http, null);
        var entete = http.Response.Headers.SetCookie.ToString();
        return entete[(BilletAdmission.NomCookie.Length + 1)..entete.IndexOf(';', StringComparison.Ordinal)];
    }

    [Fact]
    public void A_cookie_read_before_still_ends_at_its_end_time()
    {
        var cookie = Delivre();
        Assert.Equal(UsineExamens.Debut.AddMinutes(20), _billet.Lire(Requete(cookie).Request));

        _horloge.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(UsineExamens.Debut.AddMinutes(20), _billet.Lire(Requete(cookie).Request));
        _horloge.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(_billet.Lire(Requete(cookie).Request));
    }

    [Fact]
    public void A_forged_or_missing_cookie_proves_nothing_even_after_a_genuine_one_was_read()
    {
        var cookie = Delivre();
        Assert.NotNull(_billet.Lire(Requete(cookie).Request));

        var modifie = string.Concat(cookie.AsSpan(0, cookie.Length - 3), cookie[^3] == 'A' ? "B" : "A", cookie.AsSpan(cookie.Length - 2));
        Assert.Null(_billet.Lire(Requete(modifie).Request));
        Assert.Null(_billet.Lire(Requete(modifie).Request));
        Assert.Null(_billet.Lire(Requete("1900000000").Request));
        Assert.Null(_billet.Lire(Requete(null).Request));
    }
}
