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
        if (c.Request.Path.StartsWithSegments("/gestion", StringComparison.OrdinalIgnoreCase))
        {
            c.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else
        {
            c.Response.Redirect(c.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Copies the sign-in's "amr" claims into the principal rebuilt by the security stamp check.</summary>
    public static Task GarderFacteur(Microsoft.AspNetCore.Identity.SecurityStampRefreshingPrincipalContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity nouvelle && c.CurrentPrincipal is { } courant)
        {
            foreach (var amr in courant.FindAll("amr").Where(a => !nouvelle.HasClaim("amr", a.Value)).ToList())
            {
                nouvelle.AddClaim(new System.Security.Claims.Claim("amr", amr.Value));
            }
        }

        return Task.CompletedTask;
    }
}
