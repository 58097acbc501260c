using Examens.Core.Documents.Confirmation;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Examens.Core.Documents.Releve;

/// <summary>
/// The relevé de notes (R64): identity, speciality, each unit with its grade or status, kept and carried grades with
/// their session and the last date they may be used (P1), the decision and the average (P7: two decimals, never
/// rounded up). For a deferred candidate, a second page: the attestation of the units passed (R22, R66).
/// </summary>
public static class ReleveDeNotesPdf
{
    public const string TitreAttestation = "Attestation de réussite à des unités (blocs de compétences)";

    private static readonly double[] Colonnes = [50, 0, 40, 88, 150];
    private const double MargeCellule = 3;

    public static byte[] Generer(DonneesReleve d)
    {
        ArgumentNullException.ThrowIfNull(d);
        using var document = new PdfDocument();
        document.Info.Title = $"Relevé de notes – {d.Session} – {d.NumeroInscription}";
        document.Info.Author = "Examens";
        // Thousands are generated at publication: the fastest compression costs a few kilobytes, not milliseconds.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        using (var mp = new MiseEnPage(document))
        {
            Releve(mp, d);
            if (d.Attestation.Count > 0)
            {
                mp.NouvellePage();
                Attestation(mp, d);
            }

            mp.PiedsDePage($"Relevé de notes – inscription n° {d.NumeroInscription}");
        }

        using var flux = new MemoryStream();
        document.Save(flux, false);
        return flux.ToArray();
    }

    private static void Entete(MiseEnPage mp, string titre, DonneesReleve d)
    {
        mp.Graphique.DrawString(titre, mp.Titre, mp.Encre, new XRect(MiseEnPage.Gauche, mp.Y, mp.Largeur, 22), XStringFormats.TopCenter);
        mp.Y += 22;
        foreach (var ligne in mp.Couper($"Brevet de technicien supérieur – {d.Session} – {d.Academie}", mp.SousTitre, mp.Largeur))
        {
            mp.Graphique.DrawString(ligne, mp.SousTitre, mp.Gris, new XRect(MiseEnPage.Gauche, mp.Y, mp.Largeur, 14), XStringFormats.TopCenter);
            mp.Y += MiseEnPage.Interligne(mp.SousTitre);
        }

        mp.Y += 6;
        mp.Encadre(
        [
            ($"{d.Prenoms} {d.Nom}", mp.Intertitre),
            ($"Né(e) le {d.NeLe} – inscription n° {d.NumeroInscription}", mp.Normal),
            ($"Spécialité : {d.Specialite}{(d.Option is { } o ? $" – option {o}" : "")} – forme {d.Forme}", mp.Normal),
        ], mp.FondClair, marge: 5);
        mp.Y += 6;
    }

    private static void Releve(MiseEnPage mp, DonneesReleve d)
    {
        Entete(mp, "Relevé de notes", d);
        Table(mp, "Unités obligatoires", d.Unites);
        if (d.UnitesFacultatives.Count > 0)
        {
            mp.Y += 6;
            Table(mp, "Unités facultatives (seuls les points au-dessus de 10 comptent)", d.UnitesFacultatives);
        }

        mp.Y += 10;
        var lignes = new List<(string, XFont)> { ($"Décision du jury : {d.Decision}", mp.Intertitre), ($"Moyenne générale : {d.Moyenne}", mp.Gras) };
        lignes.AddRange(d.Details.Select(x => (x, mp.Normal)));
        lignes.Add(($"Délibération du {d.DateDeliberation}.", mp.Normal));
        mp.Encadre(lignes, mp.FondAlerte);
        mp.Y += 8;
        mp.Paragraphe("Les notes égales ou supérieures à 10 (bénéfice) et, en forme progressive, les notes inférieures à 10 (report) "
            + "peuvent être conservées pour une session suivante jusqu'à la date indiquée, cinq ans après leur obtention. "
            + "Pour les admis, ce relevé vaut attestation de réussite jusqu'à la remise du diplôme.", mp.Normal, mp.Gris);
        mp.Paragraphe($"Édité le {d.EditeLe}.", mp.Petit, mp.Gris);
    }

    private static void Attestation(MiseEnPage mp, DonneesReleve d)
    {
        Entete(mp, TitreAttestation, d);
        mp.Paragraphe($"Au vu de la délibération du jury du {d.DateDeliberation}, le recteur de région académique atteste que le candidat "
            + "désigné ci-dessus, non admis au diplôme, a obtenu une note égale ou supérieure à 10 sur 20 aux unités suivantes, "
            + "qui valident les blocs de compétences correspondants :", mp.Normal);
        mp.Y += 6;
        var lignes = d.Attestation.Select(u => new LigneReleve(u.Code, u.Intitule, "", u.Note, $"utilisable jusqu'au {u.ValableJusquau}")).ToList();
        Table(mp, "Unités obtenues", lignes);
        mp.Y += 8;
        mp.Paragraphe("Ces unités peuvent être conservées (bénéfice de note) lors d'une nouvelle inscription au même diplôme, "
            + "pendant cinq ans à compter de leur obtention.", mp.Normal, mp.Gris);
    }

    private static void Table(MiseEnPage mp, string titre, IReadOnlyList<LigneReleve> lignes)
    {
        mp.AssurerPlace(60);
        mp.Paragraphe(titre, mp.Intertitre);
        mp.Y += 2;
        var largeurs = (double[])Colonnes.Clone();
        largeurs[1] = mp.Largeur - largeurs.Sum();
        Ligne(mp, largeurs, ["Unité", "Intitulé", "Coef.", "Note ou statut", "Observation"], mp.Gras, mp.FondClair);
        foreach (var l in lignes)
        {
            _ = Ligne(mp, largeurs, [l.Code, l.Intitule, l.Coefficient, l.NoteOuStatut, l.Observation], mp.Normal, null);
        }
    }

    /// <summary>Draws one row; true when it had to start a new page first.</summary>
    private static bool Ligne(MiseEnPage mp, double[] largeurs, string[] cellules, XFont police, XBrush? fond)
    {
        var interligne = MiseEnPage.Interligne(police);
        var contenus = new List<string>[cellules.Length];
        var max = 1;
        for (var i = 0; i < cellules.Length; i++)
        {
            contenus[i] = mp.Couper(cellules[i], police, largeurs[i] - (2 * MargeCellule));
            max = Math.Max(max, contenus[i].Count);
        }

        var hauteur = (max * interligne) + (2 * MargeCellule);
        var nouvelle = mp.AssurerPlace(hauteur);
        var x = MiseEnPage.Gauche;
        for (var i = 0; i < cellules.Length; i++)
        {
            if (fond is null)
            {
                mp.Graphique.DrawRectangle(mp.Trait, x, mp.Y, largeurs[i], hauteur);
            }
            else
            {
                mp.Graphique.DrawRectangle(mp.Trait, fond, x, mp.Y, largeurs[i], hauteur);
            }

            var y = mp.Y + MargeCellule;
            foreach (var texte in contenus[i])
            {
                mp.Graphique.DrawString(texte, police, mp.Encre, x + MargeCellule, y, XStringFormats.TopLeft);
                y += interligne;
            }

            x += largeurs[i];
        }

        mp.Y += hauteur;
        return nouvelle;
    }
}
