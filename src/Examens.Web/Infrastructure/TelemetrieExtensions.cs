using Examens.Core.Telemetrie;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Examens.Web.Infrastructure;

/// <summary>
/// Metrics through OpenTelemetry: the "Examens" meter and ASP.NET Core's own (request durations, active requests).
/// They leave the process only when an exporter is configured: "Examens:Telemetrie:Otlp" names an OTLP endpoint.
/// </summary>
public static class TelemetrieExtensions
{
    public static IServiceCollection AddTelemetrie(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.AddMetrics();
        services.AddSingleton<MesuresExamens>();
        var otlp = config["Examens:Telemetrie:Otlp"];
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("examens-web"))
            .WithMetrics(m =>
            {
                m.AddMeter(MesuresExamens.NomMeter).AddAspNetCoreInstrumentation();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp, UriKind.Absolute));
                }
            });
        return services;
    }
}
