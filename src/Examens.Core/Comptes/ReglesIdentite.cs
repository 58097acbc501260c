using Microsoft.AspNetCore.Identity;

namespace Examens.Core.Comptes;

/// <summary>The account rules, the same for the web host and the command line (a password made by one passes the other).</summary>
public static class ReglesIdentite
{
    public static void Appliquer(IdentityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedEmail = true;
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 5;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    }
}
