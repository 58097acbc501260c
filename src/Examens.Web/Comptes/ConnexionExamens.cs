using System.Security.Claims;
using Examens.Core.Comptes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Examens.Web.Comptes;

/// <summary>
/// Identity's sign-in with one more rule: a disabled account neither signs in (password, code or recovery code) nor
/// keeps a session, even before its security stamp is checked again.
/// </summary>
public sealed class ConnexionExamens(
    UserManager<Compte> comptes, IHttpContextAccessor contexte, IUserClaimsPrincipalFactory<Compte> fabrique, IOptions<IdentityOptions> options,
    ILogger<SignInManager<Compte>> journal, IAuthenticationSchemeProvider schemas, IUserConfirmation<Compte> confirmation)
    : SignInManager<Compte>(comptes, contexte, fabrique, options, journal, schemas, confirmation)
{
    public override async Task<bool> CanSignInAsync(Compte user) =>
        user is { Desactive: false } && await base.CanSignInAsync(user).ConfigureAwait(false);

    public override async Task<bool> ValidateSecurityStampAsync(Compte? user, string? securityStamp) =>
        user is { Desactive: false } && await base.ValidateSecurityStampAsync(user, securityStamp).ConfigureAwait(false);

    /// <summary>
    /// The periodic check of the session rebuilds the principal without the sign-in method; the back-office needs
    /// amr = mfa, so the claim of the original sign-in is carried over (a new stamp still ends the session).
    /// </summary>
    public static Task GarderMethodeConnexion(SecurityStampRefreshingPrincipalContext contexte)
    {
        ArgumentNullException.ThrowIfNull(contexte);
        if (contexte.NewPrincipal?.Identity is ClaimsIdentity nouvelle && contexte.CurrentPrincipal is { } actuelle)
        {
            foreach (var amr in actuelle.FindAll("amr").Where(c => !nouvelle.HasClaim("amr", c.Value)).ToList())
            {
                nouvelle.AddClaim(new Claim("amr", amr.Value));
            }
        }

        return Task.CompletedTask;
    }
}
