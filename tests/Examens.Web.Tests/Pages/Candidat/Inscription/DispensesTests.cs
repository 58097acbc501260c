using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Candidat.Inscription;

public sealed class DispensesTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_diploma_title_with_a_character_not_accepted_names_it_and_nothing_is_stored(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "dispense@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, chemin);
        await candidat.GetAsync($"{chemin}/dispenses");
        var unite = System.Text.RegularExpressions.Regex.Match(candidat.DernierePage, "<option value=\"(U[^\"]+)\"").Groups[1].Value;
        var id = Guid.Parse(chemin.Split('/')[^1]);
        var avant = await RevisionAsync(usine, id);

        // Before: "indiquez l'intitulé du diplôme (… sans caractères spéciaux)", with the title right there.
        await candidat.SoumettreAsync($"{chemin}/dispenses",
            [new("Lignes[0].Unite", unite), new("Lignes[0].Niveau", "6"), new("Lignes[0].Diplome", "Licence pro n°2 #Gestion"), new("aller", "dispenses")]);
        Assert.Contains("<a href=\"#Lignes_0__Diplome\">Dispense 1 : l'intitulé du diplôme contient un caractère non accepté : « # ».</a>", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Equal(avant, await RevisionAsync(usine, id));

        // An empty title keeps its own message.
        await candidat.SoumettreAsync($"{chemin}/dispenses",
            [new("Lignes[0].Unite", unite), new("Lignes[0].Niveau", "6"), new("Lignes[0].Diplome", " "), new("aller", "dispenses")]);
        Assert.Contains("Dispense 1 : indiquez l'intitulé du diplôme", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Equal(avant, await RevisionAsync(usine, id));
    }

    private static async Task<int> RevisionAsync(UsineExamens usine, Guid id)
    {
        using var portee = usine.Services.CreateScope();
        return await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Inscriptions.Where(i => i.Id == id).Select(i => i.Revision).SingleAsync(TestContext.Current.CancellationToken);
    }
}
