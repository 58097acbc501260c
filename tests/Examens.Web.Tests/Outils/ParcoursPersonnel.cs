using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Outils;

/// <summary>The steps of the staff administration tests: a fresh browser, a raw post, the database read back.</summary>
public static partial class Parcours
{
    public static ClientPortail Navigateur(UsineExamens usine, bool suivre = true)
    {
        ArgumentNullException.ThrowIfNull(usine);
        return new(usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = suivre, HandleCookies = true }));
    }

    /// <summary>
    /// A post with the antiforgery token of any form of <paramref name="depuis"/> (for a page the account may not even
    /// open: the refusal must come from the authorisation, not from a missing token).
    /// </summary>
    public static async Task<HttpResponseMessage> PosterAsync(ClientPortail client, string depuis, string cible, IEnumerable<KeyValuePair<string, string>> champs)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.GetAsync(depuis);
        using var contenu = new FormUrlEncodedContent([.. champs, new("__RequestVerificationToken", ClientPortail.Jeton(client.DernierePage))]);
        return await client.Http.PostAsync(new Uri(cible, UriKind.Relative), contenu, TestContext.Current.CancellationToken);
    }

    public static T Lire<T>(UsineExamens usine, Func<ExamensDbContext, T> requete)
    {
        ArgumentNullException.ThrowIfNull(usine);
        ArgumentNullException.ThrowIfNull(requete);
        using var portee = usine.Services.CreateScope();
        return requete(portee.ServiceProvider.GetRequiredService<ExamensDbContext>());
    }

    public static List<EvenementJournal> Journal(UsineExamens usine, string cible) =>
        Lire(usine, db => db.Journal.AsNoTracking().Where(e => e.Cible == cible).OrderBy(e => e.Id).ToList());

    public static string IdCompte(UsineExamens usine, string courriel) =>
        Lire(usine, db => db.Users.Single(u => u.Email == courriel).Id);

    public static int Session(UsineExamens usine, string libelle) =>
        Lire(usine, db => db.Sessions.Single(s => s.Libelle == libelle).Id);

    /// <summary>The link of the last invitation mail sent to <paramref name="courriel"/>, as a path.</summary>
    public static string LienInvitation(UsineExamens usine, string courriel)
    {
        ArgumentNullException.ThrowIfNull(usine);
        var lien = LienInvitationRegex().Match(usine.DernierCourrielPour(courriel).TextBody ?? "").Groups[1].Value;
        return new Uri(lien).PathAndQuery;
    }

    /// <summary>The key shown on the enrolment page, without its spaces.</summary>
    public static string CleAffichee(string page) =>
        WebUtility.HtmlDecode(CleRegex().Match(page).Groups[1].Value).Replace(" ", "", StringComparison.Ordinal);

    public static IReadOnlyList<string> CodesSecoursAffiches(string page) =>
        [.. CodeSecoursRegex().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"(http://\S+/gestion/invitation\S+)")]
    private static partial Regex LienInvitationRegex();

    [GeneratedRegex("<code id=\"cle\">([^<]+)</code>")]
    private static partial Regex CleRegex();

    [GeneratedRegex("<li><code>([A-Za-z0-9]{5}-[A-Za-z0-9]{5})</code></li>")]
    private static partial Regex CodeSecoursRegex();
}
