using System.Security.Claims;
using System.Text.RegularExpressions;
using Examens.Core.Idempotence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Examens.Web.Infrastructure.Idempotence;

/// <summary>
/// Runs a signed-in person's POST once per idempotency key (the form's hidden field, or the <c>Idempotency-Key</c>
/// header): the first request runs and its redirect is recorded; a repeat is sent to the same place with a message
/// saying it was already recorded. A request that ends on the form again (errors) frees its key. Forms without a key
/// (a script posting by hand) run as before: the use cases are idempotent by themselves where it matters (submission
/// by content hash, draft saves by revision).
/// </summary>
public sealed partial class FiltreIdempotence(RegistreIdempotence registre) : IAsyncPageFilter
{
    public const string EnTete = "Idempotency-Key";
    public const string MarqueDeja = "DejaRecue";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var compteId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var cle = HttpMethods.IsPost(http.Request.Method) && compteId is not null ? await LireCleAsync(http.Request) : null;
        if (cle is null)
        {
            await next();
            return;
        }

        var route = $"{http.Request.Path}?handler={context.HandlerMethod?.Name}";
        if (route.Length > 300)
        {
            route = route[..300];
        }

        var annulation = http.RequestAborted;
        var reservation = await registre.ReserverAsync(compteId!, cle, route, annulation);
        if (reservation.Etat == EtatCle.EnCours)
        {
            reservation = await AttendreAsync(compteId!, cle, annulation);
        }

        switch (reservation.Etat)
        {
            case EtatCle.DejaFaite:
                Rejouer(context, reservation.Resultat!);
                return;
            case EtatCle.EnCours:
                // Still running after the wait: say so plainly rather than run it a second time.
                context.Result = new ContentResult
                {
                    StatusCode = StatusCodes.Status409Conflict,
                    ContentType = "text/html; charset=utf-8",
                    Content = PageEnCours,
                };
                return;
        }

        PageHandlerExecutedContext executee;
        try
        {
            executee = await next();
        }
        catch
        {
            await registre.AbandonnerAsync(compteId!, cle, CancellationToken.None);
            throw;
        }

        var destination = executee.Exception is null || executee.ExceptionHandled ? Destination(executee.Result) : null;
        if (destination is not null)
        {
            // Not cancellable: the work is done, the key must say so even if the browser went away.
            await registre.TerminerAsync(compteId!, cle, destination, CancellationToken.None);
        }
        else
        {
            await registre.AbandonnerAsync(compteId!, cle, CancellationToken.None);
        }
    }

    private async Task<Reservation> AttendreAsync(string compteId, string cle, CancellationToken annulation)
    {
        // The first request of a double click is usually a few milliseconds ahead: wait for it, up to ~5 s of real time
        // (not the injected clock: this is a network wait, not a rule's instant).
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), annulation);
            if (await registre.ResultatAsync(compteId, cle, annulation) is { } resultat)
            {
                return new Reservation(EtatCle.DejaFaite, resultat);
            }
        }

        return new Reservation(EtatCle.EnCours, null);
    }

    private static void Rejouer(PageHandlerExecutingContext context, string destination)
    {
        var tempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData[MarqueDeja] = true;
        tempData["Message"] = "Déjà enregistré : cette demande avait été reçue et traitée une première fois ; elle n'a pas été exécutée à nouveau.";
        context.Result = new RedirectResult(destination);
    }

    private static string? Destination(IActionResult? resultat) => resultat switch
    {
        RedirectResult r when r.Url.StartsWith('/') => r.Url,
        LocalRedirectResult r => r.Url,
        _ => null,
    };

    private static async Task<string?> LireCleAsync(HttpRequest requete)
    {
        string? cle = requete.Headers[EnTete];
        if (string.IsNullOrEmpty(cle) && requete.HasFormContentType)
        {
            try
            {
                cle = (await requete.ReadFormAsync(requete.HttpContext.RequestAborted))[ChampIdempotenceTagHelper.Champ];
            }
            catch (InvalidDataException)
            {
                return null; // an unreadable form: the page's own binding reports it
            }
        }

        return cle is not null && FormatCle().IsMatch(cle) ? cle : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,100}$")]
    public static partial Regex FormatCle();

    private const string PageEnCours = """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><title>Demande en cours de traitement</title></head>
        <body><main><h1>Demande en cours de traitement</h1>
        <p>Cette demande a déjà été envoyée et est encore en cours de traitement. Elle ne sera pas exécutée deux fois.
        Revenez en arrière et rechargez la page dans un instant pour voir ce qui a été enregistré.</p></main></body></html>
        """;
}
