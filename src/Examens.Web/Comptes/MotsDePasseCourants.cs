using Examens.Core.Comptes;
using Microsoft.AspNetCore.Identity;

namespace Examens.Web.Comptes;

/// <summary>Refuses passwords from the list of common passwords shipped with the app (wwwroot is not where it lives).</summary>
public sealed class MotsDePasseCourants : IPasswordValidator<Compte>
{
    private static readonly Lazy<HashSet<string>> Liste = new(() =>
    {
        using var flux = typeof(MotsDePasseCourants).Assembly.GetManifestResourceStream("Examens.Web.Comptes.mots-de-passe-courants.txt")
            ?? throw new InvalidOperationException("Liste des mots de passe courants absente.");
        using var lecteur = new StreamReader(flux);
        var ensemble = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (lecteur.ReadLine() is { } ligne)
        {
            if (ligne.Length > 0)
            {
                ensemble.Add(ligne.Trim());
            }
        }

        return ensemble;
    });

    public Task<IdentityResult> ValidateAsync(UserManager<Compte> manager, Compte user, string? password)
    {
        if (password is not null && (Liste.Value.Contains(password) || (user.Email is { } e && password.Contains(e.Split('@')[0], StringComparison.OrdinalIgnoreCase) && e.Split('@')[0].Length >= 4)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Ce mot de passe est trop courant ou trop proche de votre adresse : choisissez-en un autre, par exemple une phrase de plusieurs mots.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
