using Examens.Core.Notes;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Core.Convocations;

public static class ConvocationsExtensions
{
    /// <summary>The use cases of convocations (R69) and grades (double keying): one registration for every host.</summary>
    public static IServiceCollection AddConvocationsEtNotes(this IServiceCollection services)
    {
        services.AddScoped<AjouterCentre>();
        services.AddScoped<DefinirHoraire>();
        services.AddScoped<AnnoncerResultats>();
        services.AddScoped<AffecterCandidats>();
        services.AddScoped<DeplacerCandidat>();
        services.AddScoped<ConstruireConvocation>();
        services.AddScoped<PublierConvocations>();
        services.AddScoped<EnregistrerSaisies>();
        services.AddScoped<ImporterNotes>();
        services.AddScoped<TrancherEcart>();
        services.AddScoped<ReprendreNotesAcquises>();
        return services;
    }
}
