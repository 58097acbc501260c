using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Examens.Web.Infrastructure;

/// <summary>
/// A number, a date or a choice that cannot be empty is implicitly required; left to the framework, its message is
/// English ("The Niveau field is required.") and lands in the page's markup. Given here, in French, first.
/// </summary>
public sealed class ObligatoireImplicite : IValidationMetadataProvider
{
    public const string Message = "Ce champ est à renseigner.";

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Key.ModelType;
        if (type.IsValueType && Nullable.GetUnderlyingType(type) is null
            && !context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any())
        {
            context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute { ErrorMessage = Message });
        }
    }
}
