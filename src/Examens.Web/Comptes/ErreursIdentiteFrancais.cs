using Microsoft.AspNetCore.Identity;

namespace Examens.Web.Comptes;

/// <summary>Identity's messages, in French, saying what is wrong and how to fix it.</summary>
public sealed class ErreursIdentiteFrancais : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "Un compte existe déjà avec cette adresse électronique. Connectez-vous, ou utilisez « mot de passe oublié »." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "Un compte existe déjà avec cette adresse électronique. Connectez-vous, ou utilisez « mot de passe oublié »." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "L'adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr)." };

    public override IdentityError InvalidUserName(string? userName) => InvalidEmail(userName);

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Le mot de passe doit compter au moins {length} caractères." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents." };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "Le mot de passe doit contenir au moins un chiffre." };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "Le mot de passe doit contenir au moins une minuscule." };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "Le mot de passe doit contenir au moins une majuscule." };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Le mot de passe doit contenir au moins un caractère spécial." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "Ce lien n'est plus valable (il a expiré ou a déjà servi). Demandez-en un nouveau." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "L'opération n'a pas pu aboutir. Réessayez." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Le compte a été modifié entre-temps. Rechargez la page et recommencez." };
}
