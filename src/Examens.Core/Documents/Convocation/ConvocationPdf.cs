using System.Globalization;
using Examens.Core.Documents.Confirmation;
using PdfSharp.Pdf;

namespace Examens.Core.Documents.Convocation;

/// <summary>
/// The convocation (R69): the recto says who sits what, where and when; the last page, the back, says when and where
/// the results are published (R62). Same fonts and layout as the confirmation d'inscription.
/// </summary>
public static class ConvocationPdf
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static string Duree(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} min",
        (var h, 0) => $"{h} h",
        (var h, var m) => $"{h} h {m:00}",
    };

    public static byte[] Generer(DonneesConvocation d)
    {
        ArgumentNullException.ThrowIfNull(d);
        using var document = new PdfDocument();
        document.Info.Title = $"Convocation – candidat n° {d.NumeroCandidat}";
        document.Info.Author = "Examens";
        document.Info.Subject = $"{d.Session} – {d.Academie}";
        using (var mp = new MiseEnPage(document))
        {
            Recto(mp, d);
            mp.NouvellePage();
            Verso(mp, d);
            mp.PiedsDePage($"Convocation – candidat n° {d.NumeroCandidat}");
        }

        using var flux = new MemoryStream();
        document.Save(flux, false);
        return flux.ToArray();
    }

    private static void Recto(MiseEnPage mp, DonneesConvocation d)
    {
        mp.Paragraphe("Convocation aux épreuves", mp.Titre);
        mp.Paragraphe($"{d.Session} – {d.Academie}", mp.SousTitre, mp.Gris);
        mp.Y += 6;
        mp.Encadre(
        [
            ($"Candidat n° {d.NumeroCandidat}", mp.Intertitre),
            ($"{d.Nom} {d.Prenoms}", mp.Gras),
            ($"Né(e) le {d.DateNaissance.ToString("d MMMM yyyy", Fr)} à {d.LieuNaissance}", mp.Normal),
            ($"Spécialité : {d.Specialite}" + (d.Option is null ? "" : $" – option {d.Option}"), mp.Normal),
        ], mp.FondClair, marge: 5);
        mp.Y += 8;
        mp.Paragraphe("Centre d'examen", mp.Intertitre);
        mp.Paragraphe(d.Centre, mp.Gras);
        mp.Paragraphe(d.AdresseCentre, mp.Normal);
        mp.Y += 8;
        mp.Paragraphe($"Épreuves à présenter (heure locale, {d.Fuseau})", mp.Intertitre);
        if (d.Epreuves.Count == 0)
        {
            mp.Paragraphe("aucune", mp.Normal);
        }

        foreach (var e in d.Epreuves.OrderBy(e => e.Date).ThenBy(e => e.Debut))
        {
            mp.Y += 3;
            mp.Paragraphe($"{e.Code} – {e.Intitule}" + (e.Facultative ? " (facultative)" : ""), mp.Gras);
            mp.Paragraphe(string.Create(Fr, $"le {e.Date.ToString("dddd d MMMM yyyy", Fr)} à {e.Debut.ToString("HH':'mm", Fr)}, durée {Duree(e.DureeMinutes)}"), mp.Normal, retrait: 14);
        }

        mp.Y += 10;
        var consignes = new List<(string, PdfSharp.Drawing.XFont)>
        {
            ("Présentez-vous au centre au moins 30 minutes avant le début de chaque épreuve, avec cette convocation et une pièce d'identité avec photographie.", mp.Normal),
            ("Un candidat en retard peut être admis par le chef de centre au plus une heure après le début, si personne n'a quitté la salle (R41).", mp.Normal),
            ("Toute absence non justifiée à une épreuve obligatoire est éliminatoire.", mp.Gras),
        };
        if (d.ArabeLitteral)
        {
            consignes.Add(("L'épreuve facultative d'arabe se passe en arabe littéral ; aucune forme d'arabe dialectal n'est autorisée (note de service 2002-241).", mp.Gras));
        }

        mp.Encadre(consignes, mp.FondAlerte, marge: 5);
    }

    private static void Verso(MiseEnPage mp, DonneesConvocation d)
    {
        mp.Paragraphe("Résultats", mp.Titre);
        mp.Y += 6;
        mp.Paragraphe(string.Create(Fr, $"Les résultats sont publiés le {d.DateResultats.ToString("dddd d MMMM yyyy", Fr)} à {d.HeureResultats.ToString("HH':'mm", Fr)} (heure locale, {d.Fuseau})."), mp.Gras);
        mp.Y += 4;
        mp.Paragraphe("Où les consulter :", mp.Normal);
        foreach (var lieu in d.LieuxResultats.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            mp.Paragraphe($"• {lieu}", mp.Normal, retrait: 10);
        }

        mp.Y += 6;
        mp.Paragraphe("Seuls les noms des candidats admis sont affichés. Aucun résultat n'est donné par téléphone.", mp.Normal);
        mp.Paragraphe("Vos résultats détaillés sont aussi sur votre espace candidat. Le relevé de notes est envoyé par courrier environ une semaine après la publication.", mp.Normal);
    }
}
