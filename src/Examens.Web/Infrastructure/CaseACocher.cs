using Examens.Web.Comptes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Examens.Web.Infrastructure;

/// <summary>
/// Binds a checkbox (bool). A value other than true/false (a crafted post) is refused with a French message naming
/// the box, and the box is shown again unticked: the default binder keeps the raw text, which the checkbox tag helper
/// then fails to convert back to a bool while re-showing the form (a 500).
/// </summary>
public sealed class CaseACocher : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var valeur = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (valeur == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var texte = valeur.FirstValue?.Trim();
        if (bool.TryParse(texte, out var coche))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, valeur);
            bindingContext.Result = ModelBindingResult.Success(coche);
            return Task.CompletedTask;
        }

        if (string.IsNullOrEmpty(texte) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, valeur);
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, "false");
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            $"La case « {MessagesSaisie.Champ(bindingContext.ModelMetadata.Name ?? bindingContext.ModelName)} » n'a pas pu être lue : cochez-la ou décochez-la, puis enregistrez à nouveau.");
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    public sealed class Fournisseur : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            return context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CaseACocher() : null;
        }
    }
}
