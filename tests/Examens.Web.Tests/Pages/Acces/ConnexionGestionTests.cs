using System.Net;
using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Examens.Web.Tests.Pages.Acces;

public sealed class ConnexionGestionTests
{
    private static ClientPortail Navigateur(UsineExamens usine, bool suivre = true) =>
        new(usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = suivre, HandleCookies = true }));

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_officer_signs_in_with_the_password_then_the_code_and_the_session_carries_amr_mfa(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var cle = await Parcours.CreerPersonnelAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var client = Navigateur(usine, suivre: false);

        var reponse = await client.SoumettreAsync("/gestion/connexion", [new("Courriel", "agent@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/gestion/connexion/code", reponse.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // The password alone opens nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/gestion/dossiers")).StatusCode);

        reponse = await client.SoumettreAsync("/gestion/connexion/code", [new("Code", Totp.Code(cle))]);
        Assert.Equal("/gestion/dossiers", reponse.Headers.Location!.OriginalString);
        var cookie = reponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("examens=", StringComparison.Ordinal));
        var format = usine.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var ticket = format.Unprotect(Uri.UnescapeDataString(cookie["examens=".Length..cookie.IndexOf(';', StringComparison.Ordinal)]))!;
        Assert.Contains(ticket.Principal.Claims, c => c.Type == "amr" && c.Value == "mfa");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gestion/dossiers")).StatusCode);
        Assert.Contains("Dossiers d'inscription", client.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_wrong_code_is_refused_in_French_and_opens_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var cle = await Parcours.CreerPersonnelAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var client = Navigateur(usine);
        await client.SoumettreAsync("/gestion/connexion", [new("Courriel", "agent@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);

        var faux = ((int.Parse(Totp.Code(cle), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        await client.SoumettreAsync("/gestion/connexion/code", [new("Code", faux)]);

        Assert.Contains("Code incorrect ou expiré", client.DernierePage, StringComparison.Ordinal);
        await client.GetAsync("/gestion/dossiers");
        Assert.Contains("Connexion à la gestion", client.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_staff_account_without_two_factor_goes_to_enrolment_and_a_candidate_is_refused_at_the_password_step(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        await Parcours.CreerPersonnelAsync(usine, "sans2fa@exemple.fr", RolesPersonnel.Administrateur);
        using (var portee = usine.Services.CreateScope())
        {
            var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
            await comptes.SetTwoFactorEnabledAsync((await comptes.FindByEmailAsync("sans2fa@exemple.fr"))!, false);
        }

        var client = Navigateur(usine);
        // Without its second factor a staff account is led to enrol one: the password alone opens nothing.
        await client.SoumettreAsync("/gestion/connexion", [new("Courriel", "sans2fa@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        Assert.Contains("Associer une application d'authentification", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gestion/dossiers")).StatusCode);
        Assert.Contains("Associer une application d'authentification", client.DernierePage, StringComparison.Ordinal);

        await Parcours.CandidatConnecteAsync(usine, "candidat@exemple.fr");
        var autre = Navigateur(usine);
        await autre.SoumettreAsync("/gestion/connexion", [new("Courriel", "candidat@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        Assert.Contains(Web.Pages.Acces.ConnexionGestionModel.Refus, autre.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_signed_in_candidate_gets_the_French_403_page_in_the_back_office(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "curieux@exemple.fr");

        var reponse = await candidat.GetAsync("/gestion/dossiers");

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
        Assert.Contains("Accès refusé", candidat.DernierePage, StringComparison.Ordinal);
    }
}
