namespace Examens.Web.Infrastructure;

/// <summary>
/// Security headers on every answer: a strict Content-Security-Policy with no inline script, no framing, no MIME
/// sniffing, no referrer leaking a registration number to another site.
/// </summary>
public sealed class EnTetesDeSecurite(RequestDelegate suivant)
{
    private const string Politique =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var h = http.Response.Headers;
        h.ContentSecurityPolicy = Politique;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return suivant(http);
    }
}
