using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Outils;

/// <summary>The steps every portal test needs: an account confirmed from its e-mail, signed in, a draft started.</summary>
public static partial class Parcours
{
    public const string MotDePasse = "cheval agrafe correct batterie";

    public static async Task<ClientPortail> CandidatConnecteAsync(UsineExamens usine, string courriel)
    {
        ArgumentNullException.ThrowIfNull(usine);
        var client = new ClientPortail(usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
        await client.SoumettreAsync("/compte/creer", [new("Courriel", courriel), new("MotDePasse", MotDePasse), new("Confirmation", MotDePasse)]);
        var lien = LienRegex().Match(usine.DernierCourrielPour(courriel).TextBody ?? "").Groups[1].Value;
        await client.GetAsync(new Uri(lien).PathAndQuery);
        await client.SoumettreAsync("/compte/connexion", [new("Courriel", courriel), new("MotDePasse", MotDePasse)]);
        return client;
    }

    public static int Academie(UsineExamens usine, string code)
    {
        ArgumentNullException.ThrowIfNull(usine);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        return db.AcademiesSessions.Where(a => a.Code == code).OrderBy(a => a.Id).Select(a => a.Id).First();
    }

    public static async Task<string> CommencerAsync(UsineExamens usine, ClientPortail client, string codeAcademie = "SIEC")
    {
        ArgumentNullException.ThrowIfNull(client);
        var reponse = await client.SoumettreAsync("/candidat", [new("academieSessionId", Academie(usine, codeAcademie).ToString(System.Globalization.CultureInfo.InvariantCulture))], "Commencer");
        return reponse.RequestMessage!.RequestUri!.AbsolutePath.Replace("/identite", "", StringComparison.Ordinal);
    }

    /// <summary>A complete MS option A registration in the global form, confirmed, ready to submit.</summary>
    public static async Task RemplirAsync(ClientPortail client, string inscription)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.SoumettreAsync($"{inscription}/identite",
        [
            new("Saisie.Nom", "Lefèvre-Çağlar"), new("Saisie.Prenoms", "Élodie Marie"), new("Saisie.DateNaissance", "29/02/2000"),
            new("Saisie.LieuNaissance", "Fort-de-France"), new("Saisie.Adresse", "12 rue des Écoles"), new("Saisie.CodePostal", "75005"),
            new("Saisie.Ville", "Paris"), new("Saisie.Pays", "France"), new("aller", "situation"),
        ]);
        await client.SoumettreAsync($"{inscription}/situation", [new("Saisie.Statut", "EnseignementADistance"), new("aller", "examen")]);
        await client.SoumettreAsync($"{inscription}/examen",
            [new("Saisie.SpecialiteOption", "MS|A"), new("Saisie.Forme", "Globale"), new("Saisie.LangueObligatoire", "anglais"), new("aller", "examen")]);
        // R11: the second, explicit confirmation of the definitive form.
        await client.SoumettreAsync($"{inscription}/examen",
            [new("Saisie.SpecialiteOption", "MS|A"), new("Saisie.Forme", "Globale"), new("Saisie.ConfirmeForme", "true"), new("Saisie.LangueObligatoire", "anglais"),
             new("Saisie.LangueFacultative", "arabe"), new("aller", "recapitulatif")]);
    }

    /// <summary>A staff account as an administrator would make it: confirmed, in its role, two-factor on; returns its authenticator key.</summary>
    public static async Task<string> CreerPersonnelAsync(UsineExamens usine, string courriel, string role, params string[] academies)
    {
        ArgumentNullException.ThrowIfNull(usine);
        using var portee = usine.Services.CreateScope();
        var comptes = portee.ServiceProvider.GetRequiredService<UserManager<Compte>>();
        var compte = new Compte { UserName = courriel, Email = courriel, EmailConfirmed = true };
        Verifier(await comptes.CreateAsync(compte, MotDePasse));
        Verifier(await comptes.AddToRoleAsync(compte, role));
        Verifier(await comptes.ResetAuthenticatorKeyAsync(compte));
        Verifier(await comptes.SetTwoFactorEnabledAsync(compte, true));
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        db.PerimetresGestionnaires.AddRange(academies.Select(a => new PerimetreGestionnaire { CompteId = compte.Id, CodeAcademie = a }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (await comptes.GetAuthenticatorKeyAsync(compte))!;
    }

    /// <summary>A member of staff signed in through the two pages: password, then the authenticator's code.</summary>
    public static async Task<ClientPortail> PersonnelConnecteAsync(UsineExamens usine, string courriel, string role, params string[] academies)
    {
        ArgumentNullException.ThrowIfNull(usine);
        var cle = await CreerPersonnelAsync(usine, courriel, role, academies);
        var client = new ClientPortail(usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
        await client.SoumettreAsync("/gestion/connexion", [new("Courriel", courriel), new("MotDePasse", MotDePasse)]);
        await client.SoumettreAsync("/gestion/connexion/code", [new("Code", Totp.Code(cle))]);
        return client;
    }

    private static void Verifier(IdentityResult resultat)
    {
        if (!resultat.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", resultat.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex(@"(http://\S+/compte/confirmer\S+)")]
    internal static partial Regex LienRegex();
}
