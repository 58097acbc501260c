using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Infrastructure.ProtectionDonnees;

/// <summary>
/// The data-protection key ring (what signs and encrypts the sign-in cookies) is kept in the database for several
/// nodes, encrypted there with a sub-key of the document key: a database dump alone cannot forge a cookie; nodes with
/// the same document key share cookies; a node with another key refuses to start (docs/security.md V6, docs/operations.md).
/// </summary>
public sealed partial class AnneauClesChiffreTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NouvelleCle(string id) => id + ":" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly string _dossier = Directory.CreateTempSubdirectory("examens-anneau-").FullName;
    private string? _basePostgres;
    private readonly List<UsineExamens> _noeuds = [];

    /// <summary>A database the test's nodes share: a SQLite file of its own, or a fresh PostgreSQL database.</summary>
    private string BasePartagee(string baseDeDonnees)
    {
        if (baseDeDonnees == BasesDeDonnees.Postgres)
        {
            (var chaine, _basePostgres) = BasesDeDonnees.CreerBasePostgres();
            return chaine;
        }

        return PersistanceExtensions.ChaineSqliteParDefaut(_dossier);
    }

    private UsineExamens Noeud(string chaine, string cleDocuments, JournalCapture? journal = null)
    {
        var noeud = UsineExamens.Noeud(chaine);
        noeud.Reglages["Examens:Documents:Cle"] = cleDocuments;
        noeud.Reglages["Examens:TachesDeFond"] = "false";
        if (journal is not null)
        {
            noeud.Remplacements = journal.Installer;
        }

        _noeuds.Add(noeud);
        return noeud;
    }

    private static ClientPortail Client(UsineExamens noeud, CookieContainer cookies) =>
        new(noeud.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)));

    private static List<string> Anneau(UsineExamens noeud)
    {
        using var portee = noeud.Services.CreateScope();
        return [.. portee.ServiceProvider.GetRequiredService<ExamensDbContext>().DataProtectionKeys.Select(k => k.Xml ?? "")];
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_key_ring_is_stored_encrypted_and_a_cookie_made_by_one_node_is_accepted_by_the_other(string baseDeDonnees)
    {
        var chaine = BasePartagee(baseDeDonnees);
        var cle = NouvelleCle("noeuds");
        var journal = new JournalCapture();
        var un = Noeud(chaine, cle, journal);
        var cookies = new CookieContainer();
        var client = Client(un, cookies);
        const string Courriel = "anneau@exemple.fr";
        await client.SoumettreAsync("/compte/creer", [new("Courriel", Courriel), new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)]);
        await client.GetAsync(new Uri(LienRegex().Match(un.DernierCourrielPour(Courriel).TextBody ?? "").Groups[1].Value).PathAndQuery);
        await client.SoumettreAsync("/compte/connexion", [new("Courriel", Courriel), new("MotDePasse", Parcours.MotDePasse)]);
        Assert.Contains("Se déconnecter", client.DernierePage, StringComparison.Ordinal);

        // In the database: the key's secret is ciphertext, no <masterKey> in clear; the host no longer warns about it.
        var anneau = Anneau(un);
        Assert.NotEmpty(anneau);
        Assert.All(anneau, xml =>
        {
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("urn:examens:protection-donnees", xml, StringComparison.Ordinal);

            // The algorithm is written beside the encrypted secret: AES-256-GCM, one authenticated pass per token.
            Assert.Contains("<encryption algorithm=\"AES_256_GCM\"", xml, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(journal.Lignes, l => l.Contains("No XML encryptor configured", StringComparison.Ordinal) || l.Contains("unencrypted form", StringComparison.Ordinal));

        // The second node, same database and same document key, accepts the cookie of the first: the candidate is signed in.
        var deux = Noeud(chaine, cle);
        var autre = Client(deux, cookies);
        var reponse = await autre.GetAsync("/candidat/mes-donnees");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("/candidat/mes-donnees", reponse.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<h1>Mes données</h1>", autre.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter", autre.DernierePage, StringComparison.Ordinal);
        // Without the cookie the same page sends to sign-in: the answer above is the cookie's doing.
        var anonyme = await deux.CreateClient().GetAsync(new Uri("/candidat/mes-donnees", UriKind.Relative), Ct);
        Assert.Equal("/compte/connexion", anonyme.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public void After_a_document_key_rotation_the_ring_written_under_the_old_key_is_still_read(string baseDeDonnees)
    {
        var chaine = BasePartagee(baseDeDonnees);
        var ancienne = NouvelleCle("2025");
        var un = Noeud(chaine, ancienne);
        var protege = un.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("essai").Protect("jeton d'avant la rotation");
        Assert.Contains("cle=\"2025\"", Assert.Single(Anneau(un)), StringComparison.Ordinal);

        // The operator's rotation (docs/security.md): a new current key, the old one listed as an older key.
        var tourne = Noeud(chaine, NouvelleCle("2026"));
        tourne.Reglages["Examens:Documents:AnciennesCles:0"] = ancienne;
        Assert.Equal("jeton d'avant la rotation", tourne.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("essai").Unprotect(protege));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_node_with_another_document_key_refuses_to_start_and_says_every_node_needs_the_same_key(string baseDeDonnees)
    {
        var chaine = BasePartagee(baseDeDonnees);
        var un = Noeud(chaine, NouvelleCle("noeuds"));
        await un.CreateClient().GetAsync(new Uri("/compte/creer", UriKind.Relative), Ct); // the form's token makes the first key
        Assert.NotEmpty(Anneau(un));

        // Same key id, other bytes (a node set up with a fresh key by mistake), then a key id this node lacks.
        foreach (var (cle, attendu) in new[] { (NouvelleCle("noeuds"), "ne s'ouvre pas avec la clé de documents « noeuds »"), (NouvelleCle("autre"), "« noeuds », que ce serveur n'a pas") })
        {
            var intrus = Noeud(chaine, cle);
            var erreur = Record.Exception(() => intrus.CreateClient());
            Assert.NotNull(erreur);
            var messages = string.Join(" | ", Chaine(erreur).Select(e => e.Message));
            Assert.Contains(attendu, messages, StringComparison.Ordinal);
            Assert.Contains("Tous les nœuds doivent avoir les mêmes clés de documents", messages, StringComparison.Ordinal);
        }

        // Nothing was written by the refused nodes: the ring is still the first node's alone.
        Assert.Single(Anneau(un));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_key_stored_in_clear_before_this_version_is_still_read_and_new_keys_are_encrypted(string baseDeDonnees)
    {
        var chaine = BasePartagee(baseDeDonnees);
        // What a host of the previous version did: the schema, then a key persisted without an encryptor.
        var services = new ServiceCollection().AddLogging().AddExamensPersistance(chaine);
        services.AddDataProtection().SetApplicationName("Examens").PersistKeysToDbContext<ExamensDbContext>();
        string protege;
        await using (var ancien = services.BuildServiceProvider())
        {
            using (var portee = ancien.CreateScope())
            {
                await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Database.MigrateAsync(Ct);
            }

            protege = ancien.GetRequiredService<IDataProtectionProvider>().CreateProtector("essai").Protect("jeton d'avant");
        }

        var noeud = Noeud(chaine, NouvelleCle("noeuds"));
        var clair = Assert.Single(Anneau(noeud));
        Assert.Contains("masterKey", clair, StringComparison.Ordinal);
        Assert.Equal("jeton d'avant", noeud.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("essai").Unprotect(protege));

        // A key made by this version (as a rotation would) is encrypted.
        var gestion = noeud.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
        var nouvelle = gestion.CreateNewKey(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var chiffree = Assert.Single(Anneau(noeud), x => x.Contains(nouvelle.KeyId.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("masterKey", chiffree, StringComparison.Ordinal);
        Assert.Contains("urn:examens:protection-donnees", chiffree, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chaine(Exception erreur)
    {
        for (var e = erreur; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException agregat)
            {
                foreach (var interne in agregat.InnerExceptions.SelectMany(Chaine))
                {
                    yield return interne;
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var noeud in _noeuds)
        {
            noeud.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dossier, recursive: true);
        if (_basePostgres is not null)
        {
            BasesDeDonnees.SupprimerBasePostgres(_basePostgres);
        }
    }

    [GeneratedRegex(@"(http://\S+/compte/confirmer\S+)")]
    private static partial Regex LienRegex();
}
