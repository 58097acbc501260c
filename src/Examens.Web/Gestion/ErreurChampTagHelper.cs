using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Examens.Web.Gestion;

/// <summary>
/// Ties a back-office field to its error (RGAA 11.10): a field bound with <c>asp-for</c> whose value was refused gets
/// <c>aria-invalid="true"</c> and <c>aria-describedby</c> naming its <c>asp-validation-for</c> message (kept after any
/// help text already named), so a screen reader reads the error with the field, not only in the summary at the top.
/// Limited to the pages under /Pages/Gestion.
/// </summary>
[HtmlTargetElement("input", Attributes = Pour)]
[HtmlTargetElement("select", Attributes = Pour)]
[HtmlTargetElement("textarea", Attributes = Pour)]
[HtmlTargetElement("span", Attributes = MessagePour)]
public sealed class ErreurChampTagHelper : TagHelper
{
    private const string Pour = "asp-for";
    private const string MessagePour = "asp-validation-for";

    [HtmlAttributeName(Pour)]
    public ModelExpression? Champ { get; set; }

    [HtmlAttributeName(MessagePour)]
    public ModelExpression? Message { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's own tag helpers, which write the id and the message.
    public override int Order => 1000;

    /// <summary>The id of a field's error message: the field's id and "-erreur".</summary>
    public static string IdMessage(string nomComplet) => TagBuilder.CreateSanitizedId(nomComplet, "_") + "-erreur";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ViewContext.ExecutingFilePath?.StartsWith("/Pages/Gestion/", StringComparison.Ordinal) != true)
        {
            return;
        }

        var expression = Champ ?? Message;
        if (expression is null)
        {
            return;
        }

        var nom = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        if (!ViewContext.ModelState.TryGetValue(nom, out var etat) || etat.Errors.Count == 0)
        {
            return;
        }

        var id = IdMessage(nom);
        if (Message is not null)
        {
            output.Attributes.SetAttribute("id", id);
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var decrit = output.Attributes.TryGetAttribute("aria-describedby", out var existant) ? Html(existant.Value) + " " : "";
        output.Attributes.SetAttribute("aria-describedby", new HtmlString(decrit + id));
    }

    /// <summary>An attribute's value as written in the page (a value with a Razor expression is HTML content, not a string).</summary>
    private static string Html(object? valeur)
    {
        switch (valeur)
        {
            case IHtmlContent contenu:
                using (var texte = new StringWriter(System.Globalization.CultureInfo.InvariantCulture))
                {
                    contenu.WriteTo(texte, HtmlEncoder.Default);
                    return texte.ToString();
                }

            default:
                return HtmlEncoder.Default.Encode(Convert.ToString(valeur, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
    }
}
