using System.Net;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Comptes;

/// <summary>
/// The periodic check of a candidate's session (one query while nothing changed) keeps every promise of Identity's
/// full check: the session goes on with a renewed cookie, and a new stamp, a disabled account or a role granted reach
/// it at the next check.
/// </summary>
public sealed class ValidationSessionTests
{
    private static bool CookieRenouvele(HttpResponseMessage reponse) =>
        reponse.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("examens=", StringComparison.Ordinal));

    private static async Task ChangerAsync(UsineExamens usine, string courriel, Func<UserManager<Compte>, Compte, Task<IdentityResult>> changement)
    {
        using var portee = usine.Services.CreateScope();
        var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
        var compte = await comptes.FindByEmailAsync(courriel);
        Assert.True((await changement(comptes, compte!)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_candidates_session_goes_on_past_each_check_with_a_renewed_cookie_until_the_stamp_changes(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "ines@exemple.fr");

        usine.Horloge.Advance(TimeSpan.FromMinutes(2));
        var controlee = await candidat.GetAsync("/candidat");
        Assert.Equal("/candidat", controlee.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Mon espace", candidat.DernierePage, StringComparison.Ordinal);
        Assert.True(CookieRenouvele(controlee));

        // Renewed at the check: 30 s later the session is not checked again, 70 s later it is.
        usine.Horloge.Advance(TimeSpan.FromSeconds(30));
        Assert.False(CookieRenouvele(await candidat.GetAsync("/candidat")));
        usine.Horloge.Advance(TimeSpan.FromSeconds(40));
        Assert.True(CookieRenouvele(await candidat.GetAsync("/candidat")));

        // A new stamp (a password reset elsewhere, a sign-out everywhere) ends the session at the next check, not before.
        await ChangerAsync(usine, "ines@exemple.fr", (m, c) => m.UpdateSecurityStampAsync(c));
        usine.Horloge.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("/candidat", (await candidat.GetAsync("/candidat")).RequestMessage!.RequestUri!.AbsolutePath);
        usine.Horloge.Advance(TimeSpan.FromSeconds(40));
        var finie = await candidat.GetAsync("/candidat");
        Assert.Equal(HttpStatusCode.OK, finie.StatusCode);
        Assert.Equal("/compte/connexion", finie.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_disabled_candidate_account_loses_its_session_at_the_next_check_even_with_the_same_stamp(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "ines@exemple.fr");
        var id = Parcours.IdCompte(usine, "ines@exemple.fr");
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Desactive, true), TestContext.Current.CancellationToken);
        }

        usine.Horloge.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("/compte/connexion", (await candidat.GetAsync("/candidat")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_role_granted_to_an_open_candidate_session_reaches_it_at_the_next_check(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "ines@exemple.fr");
        using (var portee = usine.Services.CreateScope())
        {
            await RolesPersonnel.CreerManquantsAsync(portee.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        }

        await ChangerAsync(usine, "ines@exemple.fr", (m, c) => m.AddToRoleAsync(c, RolesPersonnel.Gestionnaire));
        usine.Horloge.Advance(TimeSpan.FromSeconds(30));
        await candidat.GetAsync("/candidat/resultats");
        Assert.DoesNotContain("href=\"/gestion/dossiers\"", candidat.DernierePage, StringComparison.Ordinal);

        usine.Horloge.Advance(TimeSpan.FromSeconds(40));
        await candidat.GetAsync("/candidat/resultats");
        Assert.Contains("href=\"/gestion/dossiers\"", candidat.DernierePage, StringComparison.Ordinal);
    }
}
