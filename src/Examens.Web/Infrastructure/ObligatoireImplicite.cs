using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Examens.Web.Infrastructure;

/// <summary>
/// A number or a choice that cannot be empty is implicitly required, and the framework writes its English message
/// into the field's markup (<c>data-val-required="The Niveau field is required."</c>). Given here, in French, for the
/// markup only: server-side, such a field stays as it was (a required attribute there would also fire on a value
/// the form never sends, such as the draft revision of an upload).
/// </summary>
public sealed class ObligatoireImplicite : IClientModelValidatorProvider
{
    public const string Message = "Ce champ est à renseigner.";

    public void CreateValidators(ClientValidatorProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ModelMetadata.IsRequired
            && !context.Results.Any(r => r.Validator is RequiredAttributeAdapter || r.ValidatorMetadata is RequiredAttribute))
        {
            context.Results.Add(new ClientValidatorItem
            {
                Validator = new RequiredAttributeAdapter(new RequiredAttribute { ErrorMessage = Message }, stringLocalizer: null),
                IsReusable = true,
            });
        }
    }
}
