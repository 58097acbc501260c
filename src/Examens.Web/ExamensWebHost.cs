using System.Globalization;
using Examens.Core.Catalogue;
using Examens.Core.Simulations;
using Examens.Web.Api;
using Examens.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;

namespace Examens.Web;

/// <summary>Composes the web host: the portal pages, the back-office pages and the JSON API over one core.</summary>
public static class ExamensWebHost
{
    public static WebApplication Construire(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dossierCatalogue = builder.Configuration["Examens:Catalogue"] ?? ChargeurCatalogue.DossierParDefaut;

        // A bad catalogue stops the start: a wrong coefficient must never reach a candidate.
        var catalogue = ChargeurCatalogue.Charger(dossierCatalogue);
        builder.Services.AddSingleton(catalogue);
        builder.Services.AddSingleton(new SimulationInscription(catalogue));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRazorPages();
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        var app = builder.Build();
        var francais = CultureInfo.GetCultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(francais),
            SupportedCultures = [francais],
            SupportedUICultures = [francais],
        });
        app.UseMiddleware<EnTetesDeSecurite>();
        app.UseExceptionHandler(ErreurInattendue.Configurer);
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain"));
        app.MapSimulations();
        app.MapRazorPages();
        return app;
    }
}
