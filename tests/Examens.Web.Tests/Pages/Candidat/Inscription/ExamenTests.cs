using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Candidat.Inscription;

public sealed class ExamenTests
{
    [Fact]
    public async Task R13_P16_where_the_catalogue_lists_no_unit_a_progressive_candidate_types_the_units_sat_and_the_office_checks_them()
    {
        using var usine = UsineExamens.Pour(BasesDeDonnees.Sqlite);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "fab@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, chemin);
        await candidat.SoumettreAsync($"{chemin}/situation", [new("Saisie.Statut", "FormationProfessionnelleContinue"), new("aller", "examen")]);
        // FAB's règlement is known in part: no unit in the catalogue (R1).
        KeyValuePair<string, string>[] progressive =
            [new("Saisie.SpecialiteOption", "FAB|"), new("Saisie.Forme", "Progressive"), new("Saisie.ConfirmeForme", "true"), new("Saisie.LangueObligatoire", "anglais")];
        await candidat.SoumettreAsync($"{chemin}/examen", [.. progressive, new("aller", "examen")]);
        await candidat.SoumettreAsync($"{chemin}/examen", [.. progressive, new("aller", "examen")]);
        var page = candidat.DernierePage;
        Assert.Contains("Codes des unités présentées", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Saisie_UnitesAPasserSaisies\"", page, StringComparison.Ordinal);

        // Nothing typed: P16 is still said before submission.
        await candidat.GetAsync($"{chemin}/recapitulatif");
        Assert.Contains("au moins une unité à chaque session", candidat.DernierePage, StringComparison.Ordinal);

        // Free text is refused where it is typed, and nothing is stored.
        var refus = await candidat.SoumettreAsync($"{chemin}/examen", [.. progressive, new("Saisie.UnitesAPasserSaisies", "U41, <b>maths</b>"), new("aller", "examen")]);
        Assert.Contains("« <b>maths</b> » n'est pas un code d'unité", candidat.DernierePage, StringComparison.Ordinal);
        var brut = await refus.Content.ReadAsStringAsync(TestContext.Current.CancellationToken); // as sent, before decoding
        Assert.DoesNotContain("<b>maths", brut, StringComparison.Ordinal);
        Assert.Empty((await Brouillon(usine, chemin)).UnitesAPasser);

        // Codes are kept, written as the règlement writes them, and shown again in the field.
        await candidat.SoumettreAsync($"{chemin}/examen", [.. progressive, new("Saisie.UnitesAPasserSaisies", "u41; U51 u41"), new("aller", "examen")]);
        Assert.Equal(["U41", "U51"], (await Brouillon(usine, chemin)).UnitesAPasser);
        await candidat.GetAsync($"{chemin}/examen");
        Assert.Contains("value=\"U41, U51\"", candidat.DernierePage, StringComparison.Ordinal);
        await candidat.GetAsync($"{chemin}/recapitulatif");
        Assert.DoesNotContain("au moins une unité à chaque session", candidat.DernierePage, StringComparison.Ordinal);
    }

    private static async Task<DonneesInscription> Brouillon(UsineExamens usine, string chemin)
    {
        var id = Guid.Parse(chemin.Split('/')[^1]);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        return SerialisationInscription.LireBrouillon(await db.Inscriptions.Where(i => i.Id == id).Select(i => i.Brouillon).SingleAsync(TestContext.Current.CancellationToken));
    }
}
