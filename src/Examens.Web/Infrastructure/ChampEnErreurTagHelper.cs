using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Examens.Web.Infrastructure;

/// <summary>
/// A field in error is marked <c>aria-invalid</c> and described by its message (the <c>asp-validation-for</c> span,
/// given its id by <see cref="MessageDeChampTagHelper"/>): a screen reader says what is wrong when the field gets the
/// focus, not only in the summary at the top (RGAA 11.10). Its own help (<c>aria-describedby</c>) is kept first.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class ChampEnErreurTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public static string IdMessage(string nomComplet) => "erreur-" + TagBuilder.CreateSanitizedId(nomComplet, "_");

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var nom = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ViewData.ModelState.TryGetValue(nom, out var entree) || entree.Errors.Count == 0
            || output.Attributes.TryGetAttribute("type", out var type) && string.Equals(type.Value?.ToString(), "hidden", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var id = IdMessage(nom);
        var aide = output.Attributes.TryGetAttribute("aria-describedby", out var existant) ? Html(existant.Value) : "";
        if (!aide.Split(' ').Contains(id, StringComparer.Ordinal))
        {
            output.Attributes.SetAttribute("aria-describedby", new HtmlString($"{aide} {id}".Trim()));
        }
    }

    /// <summary>An attribute's value as written in the page: one with a Razor expression (<c>aide-note-@i</c>) is HTML content, not a string.</summary>
    private static string Html(object? valeur)
    {
        if (valeur is IHtmlContent contenu)
        {
            using var texte = new StringWriter(CultureInfo.InvariantCulture);
            contenu.WriteTo(texte, HtmlEncoder.Default);
            return texte.ToString();
        }

        return HtmlEncoder.Default.Encode(Convert.ToString(valeur, CultureInfo.InvariantCulture) ?? "");
    }
}
