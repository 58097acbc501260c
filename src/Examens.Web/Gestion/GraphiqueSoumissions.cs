using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Examens.Core.Exports;
using Microsoft.AspNetCore.Html;

namespace Examens.Web.Gestion;

/// <summary>
/// The bar chart of first submissions per day, drawn on the server as SVG: no script, nothing for the CSP to allow,
/// and readable by a screen reader through role="img" with a title and a description (the page repeats the same
/// figures in a table).
/// </summary>
public static class GraphiqueSoumissions
{
    private const double Largeur = 720;
    private const double Hauteur = 240;
    private const double Gauche = 40;
    private const double Haut = 16;
    private const double Bas = 36;

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static IHtmlContent Svg(IReadOnlyList<SoumissionsDuJour> jours, string id)
    {
        ArgumentNullException.ThrowIfNull(jours);
        var e = HtmlEncoder.Default;
        var total = jours.Sum(j => j.Nombre);
        var max = Math.Max(1, jours.Count == 0 ? 0 : jours.Max(j => j.Nombre));
        var titre = "Inscriptions soumises par jour de la fenêtre";
        var description = jours.Count == 0
            ? "Aucun jour de fenêtre."
            : string.Create(Fr, $"Du {jours[0].Jour.ToString("d MMMM yyyy", Fr)} au {jours[^1].Jour.ToString("d MMMM yyyy", Fr)} : {total} première(s) soumission(s), au plus {max} un même jour. Les chiffres de chaque jour sont dans le tableau qui suit.");
        var s = new StringBuilder();
        s.Append(Fr, $"<svg class=\"graphique\" role=\"img\" aria-labelledby=\"{id}-titre {id}-desc\" viewBox=\"0 0 {Largeur} {Hauteur}\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.Append(Fr, $"<title id=\"{id}-titre\">{e.Encode(titre)}</title><desc id=\"{id}-desc\">{e.Encode(description)}</desc>");
        var zone = Hauteur - Haut - Bas;
        var axeY = Haut + zone;
        s.Append(Fr, $"<line class=\"axe\" x1=\"{Gauche}\" y1=\"{axeY}\" x2=\"{Largeur}\" y2=\"{axeY}\"/>");
        s.Append(Fr, $"<line class=\"axe\" x1=\"{Gauche}\" y1=\"{Haut}\" x2=\"{Gauche}\" y2=\"{axeY}\"/>");
        s.Append(Fr, $"<text class=\"etiquette\" x=\"{Gauche - 4}\" y=\"{Haut + 4}\" text-anchor=\"end\">{max}</text>");
        s.Append(Fr, $"<text class=\"etiquette\" x=\"{Gauche - 4}\" y=\"{axeY}\" text-anchor=\"end\">0</text>");
        if (jours.Count > 0)
        {
            var pas = (Largeur - Gauche) / jours.Count;
            var intervalle = Math.Max(1, (int)Math.Ceiling(jours.Count / 10.0));
            for (var k = 0; k < jours.Count; k++)
            {
                var j = jours[k];
                var h = zone * j.Nombre / max;
                var x = Gauche + (k * pas) + (pas * 0.1);
                s.Append(Fr, $"<rect class=\"barre\" x=\"{x:0.##}\" y=\"{axeY - h:0.##}\" width=\"{pas * 0.8:0.##}\" height=\"{h:0.##}\"/>");
                if (k % intervalle == 0 || k == jours.Count - 1)
                {
                    s.Append(Fr, $"<text class=\"etiquette\" x=\"{x + (pas * 0.4):0.##}\" y=\"{axeY + 14}\" text-anchor=\"middle\">{j.Jour.ToString("dd/MM", Fr)}</text>");
                }
            }
        }

        s.Append("</svg>");
        return new HtmlString(s.ToString());
    }
}
