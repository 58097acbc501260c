using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Examens.Web.Infrastructure;

/// <summary>
/// A POST whose handler the page does not have (<c>?handler=Inconnu</c>, or a POST to a page without any): Razor Pages
/// would then render the page without running its OnGet, and the view would fail on data never loaded (HTTP 500).
/// Answered 404 instead, with the French error page; nothing runs, nothing is stored. A GET falls back to the page's
/// OnGet as before.
/// </summary>
public sealed class ActionInconnue : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var methode = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(methode) && !HttpMethods.IsHead(methode))
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
