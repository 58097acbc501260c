using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Examens.Web.Tests.Outils;

/// <summary>The test server has no network connection, hence no remote address; a real server always gives one, and the trail records it.</summary>
public sealed class AdresseDistante : IStartupFilter
{
    public static readonly IPAddress Adresse = IPAddress.Parse("203.0.113.7");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((contexte, suite) =>
        {
            contexte.Connection.RemoteIpAddress ??= Adresse;
            return suite(contexte);
        });
        next(app);
    };
}
