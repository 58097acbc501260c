using System.Security.Claims;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Examens.Web.Comptes;

/// <summary>
/// The periodic check of an open session (every <see cref="SecurityStampValidatorOptions.ValidationInterval"/>).
/// A candidate's principal holds only the account's id, name, e-mail, security stamp and sign-in method: one query
/// tells whether any of them changed, and when none did (and the account is enabled, with no role and no claim of its
/// own) the principal is kept and the cookie renewed, which is what Identity's check ends with after rebuilding the
/// same principal from three queries. Everything else (a new stamp, a disabled account, a role granted or removed, a
/// new e-mail, every member of staff) goes through Identity's full check, unchanged. At the rush every candidate's
/// session is older than the interval when they submit: this is one query instead of three, and no principal built.
/// </summary>
public sealed class ValidationSession(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<Compte> connexion, ILoggerFactory journaux, ExamensDbContext db)
    : SecurityStampValidator<Compte>(options, connexion, journaux)
{
    private sealed record EtatCompte(string? Tampon, bool Desactive, string? Nom, string? Courriel, bool ADesRoles, bool ADesRevendications);

    private static readonly RequeteCompilee<Func<ExamensDbContext, string, Task<EtatCompte?>>> Etat = new(() => EF.CompileAsyncQuery(
        (ExamensDbContext db, string id) => db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new EtatCompte(u.SecurityStamp, u.Desactive, u.UserName, u.Email,
                db.UserRoles.Any(r => r.UserId == u.Id), db.UserClaims.Any(c => c.UserId == u.Id)))
            .FirstOrDefault()));

    /// <summary>
    /// The cookie's event: most requests come within the interval and need nothing, so the validator (and the
    /// sign-in and user managers it is built from) is only created when the interval has passed. Same test as Identity's.
    /// </summary>
    public static Task SiIntervallePasseAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        return IntervallePasse(context, options, options.TimeProvider ?? TimeProvider.System)
            ? SecurityStampValidator.ValidatePrincipalAsync(context)
            : Task.CompletedTask;
    }

    /// <summary>Identity's own test: no issue date, or one older than the interval.</summary>
    private static bool IntervallePasse(CookieValidatePrincipalContext context, SecurityStampValidatorOptions options, TimeProvider horloge) =>
        context.Properties.IssuedUtc is not { } emis || horloge.GetUtcNow() - emis > options.ValidationInterval;

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is { } principal && IntervallePasse(context, Options, TimeProvider) && await InchangeAsync(principal).ConfigureAwait(false))
        {
            context.ShouldRenew = true;
            if (!context.Options.SlidingExpiration)
            {
                context.Properties.IssuedUtc = TimeProvider.GetUtcNow();
            }

            return;
        }

        await base.ValidateAsync(context).ConfigureAwait(false);
    }

    private async Task<bool> InchangeAsync(ClaimsPrincipal principal)
    {
        var types = SignInManager.Options.ClaimsIdentity;
        if (principal.FindFirstValue(types.UserIdClaimType) is not { } id || principal.HasClaim(c => c.Type == types.RoleClaimType))
        {
            return false;
        }

        var etat = await Etat.Pour(db)(db, id).ConfigureAwait(false);
        return etat is { Desactive: false, ADesRoles: false, ADesRevendications: false }
            && etat.Tampon is not null
            && string.Equals(etat.Tampon, principal.FindFirstValue(types.SecurityStampClaimType), StringComparison.Ordinal)
            && string.Equals(etat.Nom, principal.FindFirstValue(types.UserNameClaimType), StringComparison.Ordinal)
            && string.Equals(etat.Courriel, principal.FindFirstValue(types.EmailClaimType), StringComparison.Ordinal);
    }
}
