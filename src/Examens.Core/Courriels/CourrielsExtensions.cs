using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Examens.Core.Courriels;

public static class CourrielsExtensions
{
    /// <summary>
    /// Registers <see cref="IEnvoiCourriel"/>: SMTP when <c>SmtpHote</c> is set, else .eml files in <c>Dossier</c>
    /// (or <paramref name="dossierParDefaut"/>), created now. Also registers <see cref="DestinationCourriels"/> so the
    /// host can say where mail goes. A bad setting fails here, at start, rather than at the first message.
    /// </summary>
    public static IServiceCollection AddCourriels(this IServiceCollection services, IConfiguration section, string dossierParDefaut)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentException.ThrowIfNullOrWhiteSpace(dossierParDefaut);

        var options = section.Get<OptionsCourriel>() ?? new OptionsCourriel();
        options.Valider();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);

        if (!string.IsNullOrWhiteSpace(options.SmtpHote))
        {
            services.AddSingleton(new DestinationCourriels(null, string.Create(CultureInfo.InvariantCulture, $"{options.SmtpHote}:{options.SmtpPort}")));
            services.AddSingleton<IEnvoiCourriel>(sp => new EnvoiCourrielSmtp(options, sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            var dossier = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Dossier) ? dossierParDefaut : options.Dossier);
            Directory.CreateDirectory(dossier);
            services.AddSingleton(new DestinationCourriels(dossier, null));
            services.AddSingleton<IEnvoiCourriel>(sp => new EnvoiCourrielDossier(dossier, options, sp.GetRequiredService<TimeProvider>()));
        }

        return services;
    }
}
