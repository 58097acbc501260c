using Examens.Core.Documents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Examens.Web.Infrastructure;

/// <summary>
/// A form with a file is refused before its body is read when its declared length is beyond the file limit plus a
/// margin for the other fields (413, shown as a French page); without a declared length, the server's body limit and
/// the form limit stop the read at the same size. The exact file limit is then checked while the file streams
/// (<see cref="ControleFichier"/>), so no oversized upload is ever held whole, in memory or on disk.
/// </summary>
public sealed class LimiteTeleversement(RequestDelegate suivant, IOptions<OptionsPieces> options)
{
    /// <summary>Room for the antiforgery token, the other fields and the multipart boundaries.</summary>
    public const long Marge = 64 * 1024;

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            var limite = options.Value.TailleMaximale + Marge;
            if (http.Request.ContentLength > limite)
            {
                // The French error page is rendered by re-executing this request: it must not try to read the form.
                http.Request.ContentType = null;
                http.Request.ContentLength = 0;
                http.Request.Body = Stream.Null;
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } corps)
            {
                corps.MaxRequestBodySize = limite;
            }
        }

        return suivant(http);
    }
}
