using System.Net;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Erreur;

public sealed class StatutTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_in_words(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (candidat, chemin, _, pieces) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "gros@exemple.fr");

        var reponse = await candidat.DeposerAsync($"{chemin}/pieces", pieces[0], new byte[11 * 1024 * 1024], "scan.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reponse.StatusCode);
        Assert.Contains("<h1>Fichier trop volumineux</h1>", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("10 Mo au plus par fichier", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Rien n'a été enregistré", candidat.DernierePage, StringComparison.Ordinal);
    }
}
