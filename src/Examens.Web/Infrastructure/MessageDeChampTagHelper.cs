using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Examens.Web.Infrastructure;

/// <summary>The message under a field in error gets the id its field points to (<see cref="ChampEnErreurTagHelper"/>).</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class MessageDeChampTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var nom = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.TryGetValue(nom, out var entree) && entree.Errors.Count > 0 && !output.Attributes.ContainsName("id"))
        {
            output.Attributes.SetAttribute("id", ChampEnErreurTagHelper.IdMessage(nom));
        }
    }
}
