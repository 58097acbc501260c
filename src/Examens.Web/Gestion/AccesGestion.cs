using Examens.Core.Comptes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Examens.Web.Gestion;

/// <summary>
/// Who enters the back-office: a member of staff (officer or administrator) signed in with the second factor. Identity
/// adds the claim amr = "mfa" only after a two-factor sign-in; a password alone gives amr = "pwd".
/// </summary>
public static class AccesGestion
{
    public const string Politique = "Gestion";

    public static void Construire(AuthorizationPolicyBuilder p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.RequireAuthenticatedUser()
            .RequireRole(RolesPersonnel.Tous)
            .RequireClaim("amr", "mfa");
    }

    /// <summary>Staff accounts and sessions: administrators only (an officer gets a 403).</summary>
    public const string PolitiqueAdministration = "Administration";

    public static void ConstruireAdministration(AuthorizationPolicyBuilder p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.RequireAuthenticatedUser()
            .RequireRole(RolesPersonnel.Administrateur)
            .RequireClaim("amr", "mfa");
    }

    public static bool EstPersonnel(System.Security.Claims.ClaimsPrincipal utilisateur) =>
        utilisateur is not null && RolesPersonnel.Tous.Any(utilisateur.IsInRole);

    /// <summary>Staff sign in on their own page (password then code); candidates keep theirs.</summary>
    public static Task VersConnexion(RedirectContext<CookieAuthenticationOptions> c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Request.Path.StartsWithSegments("/gestion", StringComparison.OrdinalIgnoreCase))
        {
            c.Response.Redirect($"/gestion/connexion?retour={Uri.EscapeDataString(c.Request.Path + c.Request.QueryString)}");
        }
        else
        {
            c.Response.Redirect(c.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>A real 403 in the back-office (shown by the French error page), not a redirect that answers 200.</summary>
    public static Task Refuser(RedirectContext<CookieAuthenticationOptions> c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Request.Path.StartsWithSegments("/gestion", StringComparison.OrdinalIgnoreCase)
            && EstPersonnel(c.HttpContext.User) && !c.HttpContext.User.HasClaim("amr", "mfa"))
        {
            // Signed in with the password only: a member without an authenticator yet is led to enrol one.
            c.Response.Redirect($"/gestion/connexion/authentificateur?retour={Uri.EscapeDataString(c.Request.Path + c.Request.QueryString)}");
        }
        else if (c.Request.Path.StartsWithSegments("/gestion", StringComparison.OrdinalIgnoreCase))
        {
            c.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else
        {
            c.Response.Redirect(c.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
