using System.Net;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Candidat.Inscription;

public sealed class JournalTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Every_candidate_action_is_in_the_trail_and_the_candidate_reads_it_in_plain_french(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, chemin, id, pieces) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        await candidat.DeposerAsync($"{chemin}/pieces", pieces[0], ParcoursDossier.UnPdf("bis"), "nouvelle.pdf");
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await ParcoursDossier.ExaminerAsync(agent, id, pieces[0], "Refusee", "Illisible");
        await candidat.SoumettreAsync($"{chemin}/recapitulatif", [new("confirmeRetrait", "true")], "Retirer");

        using (var portee = usine.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var candidatId = await db.Users.Where(u => u.Email == "elodie@exemple.fr").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            var entrees = await db.Journal.Where(e => e.Cible == $"inscription:{id}").OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
            var actions = entrees.Select(e => e.Action).ToList();
            Assert.Equal("inscription.commencee", actions[0]);
            Assert.Contains("brouillon.enregistre", actions);
            Assert.Contains("inscription.soumise", actions);
            Assert.Equal(pieces.Count, actions.Count(a => a == "piece.deposee"));
            Assert.Equal("inscription.retiree", actions[^1]);
            var remplacee = entrees.Single(e => e.Action == "piece.remplacee");
            Assert.Equal($"{pieces[0]} « {pieces[0].ToLowerInvariant()}.pdf » : Recue", remplacee.Avant);
            Assert.StartsWith($"{pieces[0]} « nouvelle.pdf » : Recue (Pdf,", remplacee.Apres, StringComparison.Ordinal);
            Assert.All(entrees.Where(e => e.Action != "piece.examinee"), e => Assert.Equal(candidatId, e.Acteur));
            Assert.All(entrees, e => Assert.Equal(AdresseDistante.Adresse.ToString(), e.Adresse));
            var soumise = entrees.Single(e => e.Action == "inscription.soumise");
            Assert.StartsWith("Soumise, version 1 (empreinte ", soumise.Apres, StringComparison.Ordinal);
            Assert.Contains("Spécialité : MS", soumise.Apres, StringComparison.Ordinal);
            var brouillon = entrees.First(e => e.Action == "brouillon.enregistre");
            Assert.Contains("Adresse : 12 rue des Écoles, 75005 Paris, France", brouillon.Apres, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await candidat.GetAsync($"{chemin}/journal")).StatusCode);
        var page = candidat.DernierePage;
        Assert.Contains("<td>vous</td><td>Inscription commencée (brouillon)</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>vous</td><td>Pièce remplacée</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>le service des examens</td><td>Pièce examinée</td>", page, StringComparison.Ordinal);
        Assert.Contains("« nouvelle.pdf » : refusée", page, StringComparison.Ordinal);
        Assert.Contains("<td>Illisible</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>vous</td><td>Inscription retirée</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("agent@exemple.fr", page, StringComparison.Ordinal);
        Assert.DoesNotContain(AdresseDistante.Adresse.ToString(), page, StringComparison.Ordinal);

        await candidat.GetAsync("/candidat");
        Assert.Contains($"href=\"{chemin}/journal\"", candidat.DernierePage, StringComparison.Ordinal);

        // Another candidate finds nothing there.
        var autre = await Parcours.CandidatConnecteAsync(usine, "autre@exemple.fr");
        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync($"{chemin}/journal")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_identity_correction_request_is_in_the_file_trail(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, chemin, _, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "elodie@exemple.fr");
        await candidat.GetAsync("/candidat/identite/correction");
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(ClientPortail.Jeton(candidat.DernierePage)), "__RequestVerificationToken" },
            { new StringContent("Lefèvre-Çağlar"), "Saisie.Nom" },
            { new StringContent("Élodie Marie"), "Saisie.Prenoms" },
            { new StringContent("28/02/2000"), "Saisie.DateNaissance" },
            { new StringContent("Fort-de-France"), "Saisie.LieuNaissance" },
            { new StringContent("Erreur de jour de naissance"), "Saisie.Explication" },
            { new ByteArrayContent(ParcoursDossier.UnPdf("acte")), "justificatif", "acte.pdf" },
        };
        var reponse = await candidat.Http.PostAsync(new Uri("/candidat/identite/correction", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);

        await candidat.GetAsync($"{chemin}/journal");
        Assert.Contains("<td>vous</td><td>Correction d'identité demandée</td>", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Erreur de jour de naissance", candidat.DernierePage, StringComparison.Ordinal);
    }
}
