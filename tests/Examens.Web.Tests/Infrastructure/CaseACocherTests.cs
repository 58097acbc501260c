using System.Net;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Infrastructure;

public sealed class CaseACocherTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_checkbox_posted_with_another_value_than_true_or_false_is_refused_in_french_and_nothing_is_stored(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "case@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, chemin);
        var avant = await RevisionAsync(usine, chemin);

        // Before: the form came back through the checkbox tag helper, which failed on "peut-être" (a 500).
        var reponse = await candidat.SoumettreAsync($"{chemin}/situation",
            [new("Saisie.Statut", "Individuel"), new("Saisie.ExScolaire", "peut-être"), new("aller", "situation")]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("La case « ex-scolaire » n'a pas pu être lue", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Saisie_ExScolaire\">", candidat.DernierePage, StringComparison.Ordinal);
        var caseAffichee = System.Text.RegularExpressions.Regex.Match(candidat.DernierePage, "<input[^>]*id=\"Saisie_ExScolaire\"[^>]*>").Value;
        Assert.NotEmpty(caseAffichee);
        Assert.DoesNotContain("checked", caseAffichee, StringComparison.Ordinal);
        Assert.Equal(avant, await RevisionAsync(usine, chemin));

        // The same on the exam step, where the form's confirmation box is shown.
        reponse = await candidat.SoumettreAsync($"{chemin}/examen",
            [new("Saisie.SpecialiteOption", "MS|A"), new("Saisie.Forme", "Globale"), new("Saisie.ConfirmeForme", "oui"), new("Saisie.LangueObligatoire", "anglais"), new("aller", "examen")]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("La case « confirmation de la forme de passage » n'a pas pu être lue", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Equal(avant, await RevisionAsync(usine, chemin));

        // True and false as a browser sends them still work (a ticked box posts "true" then the hidden "false").
        reponse = await candidat.SoumettreAsync($"{chemin}/situation",
            [new("Saisie.Statut", "EnseignementADistance"), new("Saisie.Redoublant", "true"), new("aller", "situation")]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Brouillon enregistré", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Equal(avant + 1, await RevisionAsync(usine, chemin));
    }

    private static async Task<int> RevisionAsync(UsineExamens usine, string chemin)
    {
        var id = Guid.Parse(chemin.Split('/')[^1]);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        return await db.Inscriptions.Where(i => i.Id == id).Select(i => i.Revision).SingleAsync(TestContext.Current.CancellationToken);
    }
}
