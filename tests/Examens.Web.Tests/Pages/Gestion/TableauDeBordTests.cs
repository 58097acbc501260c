using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Gestion;

public sealed partial class TableauDeBordTests
{
    /// <summary>The figure in the row headed <paramref name="libelle"/> of the table <paramref name="table"/>.</summary>
    private static int Chiffre(string page, string table, string libelle)
    {
        var bloc = Regex.Match(page, $"<table[^>]*id=\"{table}\".*?</table>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(bloc);
        var m = Regex.Match(bloc, $"<th scope=\"row\">{Regex.Escape(libelle)}</th><td>([0-9]+)</td>");
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_figures_match_the_files_of_the_scope_and_the_chart_is_an_accessible_svg(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        // SIEC: one complete file (MS), one submitted without documents (NDRC), a draft, a withdrawn one; Nancy-Metz: one submitted.
        var complet = await JeuInscriptions.CreerAsync(usine, "a@exemple.fr", "SIEC", soumettre: true);
        var pieces = await JeuInscriptions.DeposerToutAsync(complet);
        await JeuInscriptions.CreerAsync(usine, "b@exemple.fr", "SIEC", soumettre: true, specialiteOption: "NDRC|", langue: "espagnol", facultative: null);
        await JeuInscriptions.CreerAsync(usine, "c@exemple.fr", "SIEC", soumettre: false);
        var retiree = await JeuInscriptions.CreerAsync(usine, "d@exemple.fr", "SIEC", soumettre: true);
        await JeuInscriptions.RetirerAsync(retiree);
        await JeuInscriptions.CreerAsync(usine, "e@exemple.fr", "NANCY-METZ", soumettre: true);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await JeuInscriptions.AccepterToutAsync(agent, complet, pieces);

        var reponse = await agent.GetAsync("/gestion/tableau-de-bord");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = agent.DernierePage;
        Assert.Contains("Chiffres de : les académies de votre périmètre. 4 inscription(s) en tout.", Regex.Replace(page, "<[^>]+>", ""), StringComparison.Ordinal);
        Assert.Equal(1, Chiffre(page, "par-etat", "brouillon"));
        Assert.Equal(2, Chiffre(page, "par-etat", "soumise"));
        Assert.Equal(1, Chiffre(page, "par-etat", "retirée"));
        Assert.Equal(1, Chiffre(page, "completude", "complets"));
        Assert.Equal(1, Chiffre(page, "completude", "incomplets"));
        Assert.Equal(1, Chiffre(page, "par-specialite", "MS"));
        Assert.Equal(1, Chiffre(page, "par-specialite", "NDRC"));
        Assert.Equal(2, Chiffre(page, "par-forme", "globale"));
        // Three first submissions today (the withdrawn one was submitted too), none on the other days of the window.
        Assert.Equal(3, Chiffre(page, "par-jour", "15/11/2023"));
        Assert.Equal(0, Chiffre(page, "par-jour", "10/10/2023"));
        Assert.Equal(37, Regex.Count(page, "<th scope=\"row\">[0-9]{2}/[0-9]{2}/2023</th>"));

        var svg = Regex.Match(page, "<svg.*?</svg>", RegexOptions.Singleline).Value;
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"soumissions-titre soumissions-desc\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"soumissions-titre\">Inscriptions soumises par jour de la fenêtre</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"soumissions-desc\">Du 10 octobre 2023 au 15 novembre 2023 : 3 première(s) soumission(s), au plus 3 un même jour.", svg, StringComparison.Ordinal);
        Assert.Equal(37, Regex.Count(svg, "<rect class=\"barre\""));
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
        // The last bar (15 November) is the full height; the others are empty.
        Assert.Equal(36, Regex.Count(svg, "height=\"0\""));

        // An officer of Nancy-Metz sees only their own submitted registration.
        var nancy = await Parcours.PersonnelConnecteAsync(usine, "nancy@exemple.fr", RolesPersonnel.Gestionnaire, "NANCY-METZ");
        await nancy.GetAsync("/gestion/tableau-de-bord");
        Assert.Equal(0, Chiffre(nancy.DernierePage, "par-etat", "brouillon"));
        Assert.Equal(1, Chiffre(nancy.DernierePage, "par-etat", "soumise"));
        Assert.Equal(0, Chiffre(nancy.DernierePage, "par-etat", "retirée"));
        Assert.Equal(0, Chiffre(nancy.DernierePage, "completude", "complets"));
        Assert.DoesNotContain("SIEC", nancy.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain(">NDRC<", nancy.DernierePage, StringComparison.Ordinal);
        // Asking for SIEC's academy by its id does not reveal it: the page stays on the officer's scope.
        await nancy.GetAsync($"/gestion/tableau-de-bord?academie={Parcours.Academie(usine, "SIEC")}");
        Assert.Equal(1, Chiffre(nancy.DernierePage, "par-etat", "soumise"));
        Assert.DoesNotContain("SIEC", nancy.DernierePage, StringComparison.Ordinal);

        // The administrator sees every academy, or the one chosen.
        var admin = await Parcours.PersonnelConnecteAsync(usine, "admin@exemple.fr", RolesPersonnel.Administrateur);
        await admin.GetAsync("/gestion/tableau-de-bord");
        Assert.Equal(3, Chiffre(admin.DernierePage, "par-etat", "soumise"));
        Assert.Equal(2, Chiffre(admin.DernierePage, "par-specialite", "MS"));
        await admin.GetAsync($"/gestion/tableau-de-bord?academie={Parcours.Academie(usine, "NANCY-METZ")}");
        Assert.Equal(1, Chiffre(admin.DernierePage, "par-etat", "soumise"));
        Assert.Contains("Chiffres de : BTS session 2024 – Académie de Nancy-Metz", Regex.Replace(admin.DernierePage, "<[^>]+>", ""), StringComparison.Ordinal);
    }
}
