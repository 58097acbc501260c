namespace Examens.Web.Infrastructure;

/// <summary>
/// A posted form that cannot be read (a NUL character in a value, a malformed encoding) is refused here with a French
/// 400 page, before antiforgery or a page would fail on it with a misleading message or a 500. Only url-encoded forms
/// are read here: uploads (multipart) stay streamed to their page, and the API reads its own body (a client may
/// declare a form for JSON, as curl -d does).
/// </summary>
public sealed class FormulaireIllisible(RequestDelegate suite)
{
    public const string Message = "Le formulaire contient des caractères non autorisés (par exemple un caractère nul) et n'a pas pu être lu : rien n'a été enregistré. Revenez en arrière, corrigez la saisie et envoyez-la à nouveau.";

    public const string MessageTropGrand = "Le formulaire envoyé est trop volumineux (un texte de plusieurs millions de caractères, ou trop de champs) et n'a pas pu être lu : rien n'a été enregistré. Revenez en arrière, raccourcissez la saisie et envoyez-la à nouveau.";

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (HttpMethods.IsPost(http.Request.Method)
            && !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException e) when (e.Message.Contains(" limit ", StringComparison.Ordinal))
            {
                // The form reader's own limits (a value of more than 4 MB, too many fields): a size, not a character.
                await RefuserAsync(http, StatusCodes.Status413PayloadTooLarge, "Formulaire trop volumineux", MessageTropGrand);
                return;
            }
            catch (InvalidDataException)
            {
                await RefuserAsync(http);
                return;
            }
        }

        await suite(http);
    }

    public static Task RefuserAsync(HttpContext http) => RefuserAsync(http, StatusCodes.Status400BadRequest, "Formulaire illisible", Message);

    private static async Task RefuserAsync(HttpContext http, int statut, string titre, string message)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = statut;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{titre} – Examens</title></head><body><main><h1>{titre}</h1><p>{message}</p><p><a href=\"/\">Retour à l'accueil</a></p></main></body></html>",
            http.RequestAborted);
    }
}
