namespace Examens.Web.Infrastructure.Admission;

/// <summary>Registers the admission control from "Examens:Admission".</summary>
public static class AdmissionExtensions
{
    public static IServiceCollection AddAdmission(this IServiceCollection services, IConfiguration section)
    {
        // Wrong settings stop the start: the gate checks them when the pipeline builds the middleware.
        services.Configure<OptionsAdmission>(section);
        services.AddSingleton<PorteAdmission>();
        services.AddSingleton<BilletAdmission>();
        return services;
    }

    /// <summary>
    /// Placed before the status code pages: they run the pipeline again for an error page, and that second pass must
    /// not ask for a second place while the first is held.
    /// </summary>
    public static IApplicationBuilder UseAdmission(this IApplicationBuilder app) => app.UseMiddleware<ControleAdmission>();
}
