using System.Net;
using System.Text;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Gestion.Exports;

public sealed class InscriptionsTests
{
    /// <summary>A registration in an academy; the identity is set in the database before submission (the identity page refuses such names).</summary>
    private static async Task<string> InscriptionAsync(UsineExamens usine, string courriel, string academie, bool soumettre, string? nom = null, string? prenoms = null)
    {
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var chemin = await Parcours.CommencerAsync(usine, client, academie);
        await Parcours.RemplirAsync(client, chemin);
        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var compte = await db.Users.SingleAsync(u => u.Email == courriel, TestContext.Current.CancellationToken);
            compte.Nom = nom ?? compte.Nom;
            compte.Prenoms = prenoms ?? compte.Prenoms;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        if (soumettre)
        {
            await client.SoumettreAsync($"{chemin}/recapitulatif", [], "Soumettre");
        }

        var id = Guid.Parse(chemin.Split('/')[^1]);
        using var p2 = usine.Services.CreateScope();
        var inscription = await p2.ServiceProvider.GetRequiredService<ExamensDbContext>().Inscriptions.SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(soumettre ? EtatInscription.Soumise : EtatInscription.Brouillon, inscription.Etat);
        return inscription.Numero;
    }

    /// <summary>RFC 4180 with `;`: quoted fields, doubled quotes, CRLF rows.</summary>
    private static List<List<string>> Lire(string texte)
    {
        var lignes = new List<List<string>>();
        var ligne = new List<string>();
        var champ = new StringBuilder();
        var entreGuillemets = false;
        for (var i = 0; i < texte.Length; i++)
        {
            var c = texte[i];
            if (entreGuillemets)
            {
                if (c == '"' && i + 1 < texte.Length && texte[i + 1] == '"') { champ.Append('"'); i++; }
                else if (c == '"') { entreGuillemets = false; }
                else { champ.Append(c); }
            }
            else if (c == '"') { entreGuillemets = true; }
            else if (c == ';') { ligne.Add(champ.ToString()); champ.Clear(); }
            else if (c == '\r' && i + 1 < texte.Length && texte[i + 1] == '\n')
            {
                ligne.Add(champ.ToString());
                champ.Clear();
                lignes.Add(ligne);
                ligne = [];
                i++;
            }
            else { champ.Append(c); }
        }

        Assert.Equal(0, champ.Length);
        return lignes;
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_export_is_a_spreadsheet_safe_csv_of_the_submitted_registrations_in_scope(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var normale = await InscriptionAsync(usine, "a@exemple.fr", "SIEC", soumettre: true);
        var piegee = await InscriptionAsync(usine, "b@exemple.fr", "SIEC", soumettre: true, nom: "Dupont; dit \"le Grand\"", prenoms: "=cmd|' /C calc'!A0");
        var brouillon = await InscriptionAsync(usine, "c@exemple.fr", "SIEC", soumettre: false);
        var autre = await InscriptionAsync(usine, "d@exemple.fr", "NANCY-METZ", soumettre: false);

        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await agent.GetAsync("/gestion/dossiers");
        Assert.Contains("href=\"/gestion/exports/inscriptions.csv", agent.DernierePage, StringComparison.Ordinal);
        var reponse = await agent.Http.GetAsync(new Uri("/gestion/exports/inscriptions.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("text/csv", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition?.DispositionType);
        var octets = await reponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], octets[..3]);
        var texte = Encoding.UTF8.GetString(octets, 3, octets.Length - 3);
        Assert.EndsWith("\r\n", texte, StringComparison.Ordinal);
        Assert.Contains("\"Dupont; dit \"\"le Grand\"\"\"", texte, StringComparison.Ordinal);
        var lignes = Lire(texte);

        Assert.Equal(
            ["Numéro", "Nom", "Prénoms", "Date de naissance", "Académie", "Spécialité", "Option", "Forme", "Langue obligatoire",
             "Langue facultative", "État", "Version", "Soumise le (heure locale)"], lignes[0]);
        Assert.Equal(3, lignes.Count);
        Assert.All(lignes, l => Assert.Equal(13, l.Count));
        var numeros = lignes.Skip(1).Select(l => l[0]).ToList();
        Assert.Contains(normale, numeros);
        Assert.Contains(piegee, numeros);
        Assert.DoesNotContain(brouillon, numeros);
        Assert.DoesNotContain(autre, numeros);

        var a = lignes.Single(l => l[0] == normale);
        Assert.Equal(["Lefèvre-Çağlar", "Élodie Marie", "29/02/2000", "SIEC", "MS", "A", "Globale", "anglais", "arabe", "soumise", "1"], a[1..12]);
        Assert.Equal("15/11/2023 16:00", a[12]);
        var b = lignes.Single(l => l[0] == piegee);
        Assert.Equal("Dupont; dit \"le Grand\"", b[1]);
        Assert.Equal("'=cmd|' /C calc'!A0", b[2]);

        var filtree = await agent.Http.GetAsync(new Uri("/gestion/exports/inscriptions.csv?specialite=MS&option=B&forme=&langue=", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Single(Lire(Encoding.UTF8.GetString(await filtree.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken))[1..]));
        var langue = await agent.Http.GetAsync(new Uri("/gestion/exports/inscriptions.csv?specialite=MS&forme=Globale&langue=arabe", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(3, Lire(Encoding.UTF8.GetString(await langue.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken))[1..]).Count);
    }
}
