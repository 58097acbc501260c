using Microsoft.AspNetCore.Identity;

namespace Examens.Core.Comptes;

/// <summary>The staff roles (Identity roles). A candidate has none.</summary>
public static class RolesPersonnel
{
    public const string Administrateur = "Administrateur";

    /// <summary>An officer: sees and reviews only the registrations of the academies of their scope.</summary>
    public const string Gestionnaire = "Gestionnaire";

    public static readonly IReadOnlyList<string> Tous = [Administrateur, Gestionnaire];

    /// <summary>Creates the roles that are missing (at every start, and before the first administrator is created).</summary>
    public static async Task CreerManquantsAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Tous)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                var resultat = await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
                // Two nodes starting together may both try: the loser finds the role there and carries on.
                if (!resultat.Succeeded && !await roles.RoleExistsAsync(role).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"Le rôle {role} n'a pas pu être créé : {string.Join(" ", resultat.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
