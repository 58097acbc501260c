using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Gestion;

public sealed class AccesGestionTests
{
    [Fact]
    public async Task The_policy_asks_for_a_staff_role_and_the_second_factor()
    {
        using var usine = new UsineExamens();
        var autorisation = usine.Services.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>();
        static System.Security.Claims.ClaimsPrincipal Qui(string? role, string amr) => new(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "x"), new("amr", amr), .. role is null ? Array.Empty<System.Security.Claims.Claim>() : [new(System.Security.Claims.ClaimTypes.Role, role)]],
            "Identity.Application"));

        Assert.True((await autorisation.AuthorizeAsync(Qui(RolesPersonnel.Gestionnaire, "mfa"), null, "Gestion")).Succeeded);
        Assert.True((await autorisation.AuthorizeAsync(Qui(RolesPersonnel.Administrateur, "mfa"), null, "Gestion")).Succeeded);
        Assert.False((await autorisation.AuthorizeAsync(Qui(RolesPersonnel.Gestionnaire, "pwd"), null, "Gestion")).Succeeded);
        Assert.False((await autorisation.AuthorizeAsync(Qui(null, "mfa"), null, "Gestion")).Succeeded);
    }
}
