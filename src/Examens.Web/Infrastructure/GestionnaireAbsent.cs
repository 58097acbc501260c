using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Examens.Web.Infrastructure;

/// <summary>
/// A form posted to a page that only shows (the journal, a PDF, the versions…), or to an action the page does not have
/// (<c>?handler=Inconnu</c>), would render that page with nothing loaded: a 500, or a blank page. It is answered 405
/// instead, shown as the French status page, and nothing runs. A GET still shows the page. Pages without any handler
/// (markup only) are left as they are.
/// </summary>
public sealed class GestionnaireAbsent : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var methode = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0
            && !HttpMethods.IsGet(methode) && !HttpMethods.IsHead(methode))
        {
            context.HttpContext.Response.Headers.Allow = string.Join(", ",
                context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct(StringComparer.Ordinal));
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        return next();
    }
}
