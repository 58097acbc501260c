using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Examens.Web.Infrastructure.Idempotence;

/// <summary>
/// Every <c>&lt;form method="post"&gt;</c> gets a hidden idempotency key made when the page is rendered: posting the
/// same form twice (double click, retry, back-and-resend) sends the same key, which <see cref="FiltreIdempotence"/>
/// recognises. A page rendered again (another tab, a reload) gets a new key.
/// </summary>
[HtmlTargetElement("form")]
public sealed class ChampIdempotenceTagHelper : TagHelper
{
    public const string Champ = "__Idempotence";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (context.AllAttributes.TryGetAttribute("method", out var methode)
            && string.Equals(methode.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{Champ}\" value=\"{Guid.NewGuid():N}\">");
        }
    }
}
