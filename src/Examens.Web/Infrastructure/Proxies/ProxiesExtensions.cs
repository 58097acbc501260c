using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Examens.Web.Infrastructure.Proxies;

/// <summary>
/// Behind a reverse proxy that ends TLS (nginx, a load balancer), the client's address and scheme come from
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>, read only when the request comes from a trusted proxy:
/// <c>Examens:Proxies:Adresses</c> = IP addresses or CIDR networks (a list, or one value separated by commas or
/// spaces); default: loopback only (nginx on the same machine). Then HSTS and Secure cookies apply when the client used
/// HTTPS, and the rate limits and the trail see the real client. Anyone else's headers are ignored, so a client cannot
/// choose its address. The chain is walked from the right while the hops are trusted (a load balancer then nginx).
/// <c>X-Forwarded-Host</c> is never read (the proxy forwards <c>Host</c>).
/// </summary>
public static class ProxiesExtensions
{
    public const string Section = "Examens:Proxies";

    public static IServiceCollection AddProxies(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var reseaux = Lire(config.GetSection(Section + ":Adresses"));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = null;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var reseau in reseaux)
            {
                o.KnownIPNetworks.Add(reseau);
            }
        });
        return services;
    }

    /// <summary>The trusted networks; loopback when nothing is set. A value that is neither an address nor a network stops the start.</summary>
    public static IReadOnlyList<System.Net.IPNetwork> Lire(IConfigurationSection adresses)
    {
        ArgumentNullException.ThrowIfNull(adresses);
        var valeurs = new List<string>();
        if (adresses.Value is { } seule)
        {
            valeurs.Add(seule);
        }

        valeurs.AddRange(adresses.GetChildren().Select(c => c.Value ?? ""));
        var textes = valeurs.SelectMany(v => v.Split([',', ' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (textes.Count == 0)
        {
            return [new(IPAddress.Loopback, 8), new(IPAddress.IPv6Loopback, 128)];
        }

        return [.. textes.Select(Reseau)];
    }

    private static System.Net.IPNetwork Reseau(string texte)
    {
        if (IPAddress.TryParse(texte, out var adresse))
        {
            return new(adresse, adresse.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        return System.Net.IPNetwork.TryParse(texte, out var reseau)
            ? reseau
            : throw new InvalidOperationException($"Examens:Proxies:Adresses : « {texte} » n'est ni une adresse IP ni un réseau CIDR (exemples : 10.0.0.5, 10.0.0.0/8, ::1).");
    }
}
