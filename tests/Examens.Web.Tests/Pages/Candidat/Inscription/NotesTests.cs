using Examens.Core.Inscriptions;
using Examens.Core.Resultats;
using Examens.Domain.Deliberations;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Tests.Pages.Candidat.Inscription;

public sealed class NotesTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P1_D3_a_deferred_candidate_registering_again_is_offered_the_grades_held_here_expired_ones_shown_and_no_releve_asked(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        usine.Horloge.SetUtcNow(SessionDeliberee.Veille);
        var candidat = await SessionDeliberee.CandidatAsync(usine, "bruno@exemple.fr");
        var notes = SessionDeliberee.Toutes(8m);
        notes["U1"] = new NoteUnite { Nature = NatureResultat.Note, Note = 12m };
        notes["U6"] = new NoteUnite { Nature = NatureResultat.Note, Note = 10m };
        // Kept in 2024 from a grade of 1 February 2020: usable until the deliberation of 1 February 2025 only (P1).
        notes["U3"] = new NoteUnite { Nature = NatureResultat.Benefice, Note = 13m, ObtenueLe = new DateOnly(2020, 2, 1) };
        var ancienne = await SessionDeliberee.InscrireAsync(usine, "bruno@exemple.fr", "Ajourne", notes);
        await PublicationDeTest.DelibererEtPublierAsync(usine, SessionDeliberee.Session(usine), SessionDeliberee.Veille);
        Assert.Equal(Decision.Ajourne, (await SessionDeliberee.ResultatAsync(usine, ancienne)).Decision);

        // A later session: the demonstration one, open now, deliberated in March 2025.
        var chemin = await Parcours.CommencerAsync(usine, candidat, "DEMO");
        await candidat.SoumettreAsync($"{chemin}/examen",
            [new("Saisie.SpecialiteOption", "MCO|"), new("Saisie.Forme", "Globale"), new("Saisie.ConfirmeForme", "true"), new("Saisie.LangueObligatoire", "anglais"), new("aller", "notes")]);

        await candidat.GetAsync($"{chemin}/notes");
        var page = candidat.DernierePage;
        Assert.Contains("Vos notes des sessions précédentes", page, StringComparison.Ordinal);
        Assert.Matches(@"id=""reprise-U1"" name=""reprises"" value=""U1""[^>]*>\s*<label for=""reprise-U1"">Conserver \(bénéfice\)</label>\s*</td>\s*<td>U1</td>\s*<td>12/20</td>\s*<td>BTS session 2024</td>\s*<td>utilisable jusqu'à la délibération du 5 juillet 2029</td>", page);
        Assert.Contains("id=\"reprise-U6\"", page, StringComparison.Ordinal);
        Assert.Matches(@"Expirée : non proposée</span>\s*</td>\s*<td>U3</td>\s*<td>13/20</td>\s*<td>session 2020</td>\s*<td>expirée : utilisable jusqu'à la délibération du 1 février 2025</td>", page);
        Assert.DoesNotContain("id=\"reprise-U3\"", page, StringComparison.Ordinal);
        // P3: a grade under 10 is carried only in the progressive form.
        Assert.Contains("Non proposée : le report d'une note inférieure à 10 n'existe qu'en forme progressive (P3)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reprise-U21\"", page, StringComparison.Ordinal);

        // Taking U1 and U6; a forged U3 (expired) is ignored.
        await candidat.PosterDepuisAsync(page, $"{chemin}/notes", $"{chemin}/notes?handler=Reprendre", [new("reprises", "U1"), new("reprises", "U6"), new("reprises", "U3")]);
        var brouillon = await Brouillon(usine, chemin);
        Assert.Equal(["U1", "U6"], brouillon.NotesAnterieures.Select(n => n.Unite).Order());
        Assert.All(brouillon.NotesAnterieures, n => Assert.True(n.DetenueParExamens));
        Assert.Equal((12m, new DateOnly(2024, 7, 5), "BTS session 2024"), (brouillon.NotesAnterieures[0].Note, brouillon.NotesAnterieures[0].Obtention, brouillon.NotesAnterieures[0].SessionOrigine));

        await candidat.GetAsync($"{chemin}/recapitulatif");
        Assert.DoesNotContain("<strong>D3</strong>", candidat.DernierePage, StringComparison.Ordinal);

        // The lines form posted again keeps them as held; a grade from elsewhere asks for its relevé (D3).
        await candidat.SoumettreAsync($"{chemin}/notes",
        [
            new("Lignes[0].Unite", "U1"), new("Lignes[0].Note", "12"), new("Lignes[0].Obtention", "05/07/2024"), new("Lignes[0].Choix", "Benefice"),
            new("Lignes[1].Unite", "U6"), new("Lignes[1].Note", "10"), new("Lignes[1].Obtention", "05/07/2024"), new("Lignes[1].Choix", "Benefice"),
            new("aller", "notes"),
        ]);
        brouillon = await Brouillon(usine, chemin);
        Assert.All(brouillon.NotesAnterieures, n => Assert.True(n.DetenueParExamens));
        await candidat.GetAsync($"{chemin}/recapitulatif");
        Assert.DoesNotContain("<strong>D3</strong>", candidat.DernierePage, StringComparison.Ordinal);

        await candidat.SoumettreAsync($"{chemin}/notes",
        [
            new("Lignes[0].Unite", "U1"), new("Lignes[0].Note", "12"), new("Lignes[0].Obtention", "05/07/2024"), new("Lignes[0].Choix", "Benefice"),
            new("Lignes[1].Unite", "U42"), new("Lignes[1].Note", "12"), new("Lignes[1].Obtention", "01/07/2022"), new("Lignes[1].Choix", "Benefice"),
            new("aller", "notes"),
        ]);
        brouillon = await Brouillon(usine, chemin);
        Assert.False(brouillon.NotesAnterieures.Single(n => n.Unite == "U42").DetenueParExamens);
        await candidat.GetAsync($"{chemin}/recapitulatif");
        Assert.Contains("<strong>D3</strong>", candidat.DernierePage, StringComparison.Ordinal);
    }

    private static Task<DonneesInscription> Brouillon(UsineExamens usine, string chemin)
    {
        var id = Guid.Parse(chemin.Split('/')[^1]);
        return SessionDeliberee.LireAsync(usine, async db =>
            SerialisationInscription.LireBrouillon(await db.Inscriptions.Where(i => i.Id == id).Select(i => i.Brouillon).SingleAsync(TestContext.Current.CancellationToken)));
    }
}
