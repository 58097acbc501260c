using Microsoft.AspNetCore.Identity;

namespace Examens.Core.Comptes;

/// <summary>
/// An account (ASP.NET Core Identity): a candidate, or later a member of staff, with the identity printed on the diploma. The identity locks once a
/// first registration is submitted; after that only an officer changes it, on a proof (the back-office).
/// </summary>
public sealed class Compte : IdentityUser
{
    public string Nom { get; set; } = "";

    public string Prenoms { get; set; } = "";

    public DateOnly? DateNaissance { get; set; }

    public string LieuNaissance { get; set; } = "";

    public bool IdentiteVerrouillee { get; private set; }

    public DateTime CreeLeUtc { get; set; }

    /// <summary>A staff account an administrator disabled: it cannot sign in, and its open sessions end (security stamp).</summary>
    public bool Desactive { get; set; }

    public string NomComplet => $"{Prenoms} {Nom}".Trim();

    public bool IdentiteComplete => EstIdentiteComplete(Nom, Prenoms, DateNaissance, LieuNaissance);

    /// <summary>R68: the identity the registration needs; also applied to columns read without the account (home page).</summary>
    public static bool EstIdentiteComplete(string? nom, string? prenoms, DateOnly? dateNaissance, string? lieuNaissance) =>
        !string.IsNullOrWhiteSpace(nom) && !string.IsNullOrWhiteSpace(prenoms) && dateNaissance is not null && !string.IsNullOrWhiteSpace(lieuNaissance);

    public void VerrouillerIdentite() => IdentiteVerrouillee = true;
}
