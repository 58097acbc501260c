using System.Text.RegularExpressions;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Acces;

public sealed partial class ReinitialiserTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_forgotten_password_is_replaced_through_the_link_sent_by_mail(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "oubli@exemple.fr");
        await client.SoumettreAsync("/compte/deconnexion", [], depuis: "/candidat");
        await client.SoumettreAsync("/compte/mot-de-passe-oublie", [new("Courriel", "oubli@exemple.fr")]);
        Assert.Contains("Si un compte confirmé existe pour cette adresse", client.DernierePage, StringComparison.Ordinal);
        var lien = LienRegex().Match(usine.DernierCourrielPour("oubli@exemple.fr").TextBody ?? "").Groups[1].Value;
        const string Nouveau = "une toute autre phrase secrète";
        await client.SoumettreAsync(new Uri(lien).PathAndQuery, [new("MotDePasse", Nouveau), new("Confirmation", Nouveau)]);
        Assert.Contains("Votre mot de passe est changé", client.DernierePage, StringComparison.Ordinal);
        await client.SoumettreAsync("/compte/connexion", [new("Courriel", "oubli@exemple.fr"), new("MotDePasse", Nouveau)]);
        Assert.Contains("Mon espace", client.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_answer_does_not_reveal_whether_an_account_exists(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = new ClientPortail(usine.CreateClient());
        await client.SoumettreAsync("/compte/mot-de-passe-oublie", [new("Courriel", "personne@exemple.fr")]);
        Assert.Contains("Si un compte confirmé existe pour cette adresse", client.DernierePage, StringComparison.Ordinal);
        Assert.Empty(usine.Courriels());
    }

    [Theory]
    [InlineData("court", "au moins 12 caractères", "sqlite")]
    [InlineData("court", "au moins 12 caractères", "postgres")]
    [InlineData("azertyuiop123", "trop courant", "sqlite")]
    [InlineData("azertyuiop123", "trop courant", "postgres")]
    public async Task A_weak_password_is_refused_in_French_next_to_the_field(string motDePasse, string attendu, string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = new ClientPortail(usine.CreateClient());
        await client.SoumettreAsync("/compte/creer", [new("Courriel", "faible@exemple.fr"), new("MotDePasse", motDePasse), new("Confirmation", motDePasse)]);
        Assert.Contains(attendu, client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("resume-erreurs", client.DernierePage, StringComparison.Ordinal);
        Assert.Empty(usine.Courriels());
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Five_wrong_passwords_lock_the_account(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        await Parcours.CandidatConnecteAsync(usine, "bloque@exemple.fr");
        var client = new ClientPortail(usine.CreateClient());
        for (var i = 0; i < 5; i++)
        {
            await client.SoumettreAsync("/compte/connexion", [new("Courriel", "bloque@exemple.fr"), new("MotDePasse", "pas le bon mot de passe")]);
        }

        await client.SoumettreAsync("/compte/connexion", [new("Courriel", "bloque@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        Assert.Contains("le compte est bloqué pendant 15 minutes", client.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_link_cut_short_is_said_incomplete_in_french_and_changes_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = new ClientPortail(usine.CreateClient());

        // Before: "The Id field is required. The Code field is required." in the error summary.
        await client.GetAsync("/compte/reinitialiser");
        Assert.Contains("Ce lien est incomplet", client.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", client.DernierePage, StringComparison.Ordinal);

        await client.SoumettreAsync("/compte/reinitialiser?id=", [new("MotDePasse", "une toute autre phrase secrète"), new("Confirmation", "une toute autre phrase secrète")]);
        Assert.Contains("Ce lien est incomplet", client.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", client.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Votre mot de passe est changé", client.DernierePage, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(http://\S+/compte/reinitialiser\S+)")]
    private static partial Regex LienRegex();
}
