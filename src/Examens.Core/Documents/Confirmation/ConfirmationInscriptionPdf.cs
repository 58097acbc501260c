using System.Globalization;
using Examens.Domain.Regles;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Examens.Core.Documents.Confirmation;

/// <summary>
/// The confirmation d'inscription (R68): the recto shows what the candidate registered for and is signed (or was
/// validated online, R59); the verso lists the supporting documents (D1–D13). Generated on every submission.
/// </summary>
public static class ConfirmationInscriptionPdf
{
    private const double Gouttiere = 18;
    private const double EspaceAvantTitre = 8;
    private const double EspaceApresTitre = 3;
    private const double LargeurCode = 58;
    private const double LargeurStatut = 170;
    private const double MargeCellule = 3;

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Generer(DonneesConfirmation d)
    {
        ArgumentNullException.ThrowIfNull(d);
        using var document = new PdfDocument();
        document.Info.Title = $"Confirmation d'inscription n° {d.NumeroInscription}";
        document.Info.Author = "Examens";
        document.Info.Subject = string.Create(Fr, $"{d.Session} – {d.Academie} – version {d.Version}");

        using (var mp = new MiseEnPage(document))
        {
            Recto(mp, d);
            mp.NouvellePage();
            Verso(mp, d);
            mp.PiedsDePage(string.Create(Fr, $"Inscription n° {d.NumeroInscription} – version {d.Version}"));
        }

        using var flux = new MemoryStream();
        document.Save(flux, false);
        return flux.ToArray();
    }

    private static string Instant(DateTime instant) => instant.ToString("d MMMM yyyy 'à' HH:mm:ss", Fr);

    private static void Recto(MiseEnPage mp, DonneesConfirmation d)
    {
        var g = mp.Graphique;
        g.DrawString("Confirmation d'inscription", mp.Titre, mp.Encre, new XRect(MiseEnPage.Gauche, mp.Y, mp.Largeur, 22), XStringFormats.TopCenter);
        mp.Y += 22;
        foreach (var ligne in mp.Couper($"{d.Session} – {d.Academie}", mp.SousTitre, mp.Largeur))
        {
            g.DrawString(ligne, mp.SousTitre, mp.Gris, new XRect(MiseEnPage.Gauche, mp.Y, mp.Largeur, 14), XStringFormats.TopCenter);
            mp.Y += MiseEnPage.Interligne(mp.SousTitre);
        }

        mp.Y += 6;
        mp.Encadre(
        [
            ($"Inscription n° {d.NumeroInscription}", mp.Intertitre),
            (string.Create(Fr, $"Version {d.Version} du {Instant(d.InstantLocal)} ({d.Fuseau})"), mp.Normal),
            ($"Code de vérification : {d.CodeVerification}", mp.Gras),
        ], mp.FondClair, marge: 5);

        var telephone = string.IsNullOrWhiteSpace(d.Telephone) ? "non renseigné" : d.Telephone;
        DeuxSections(mp,
            "Identité",
            [("Nom", d.Nom, true), ("Prénoms", d.Prenoms, true), ("Né(e) le", $"{d.DateNaissance.ToString("d MMMM yyyy", Fr)} à {d.LieuNaissance}", false)],
            "Coordonnées",
            [("Adresse", d.Adresse, false), ("Courriel", d.Courriel, false), ("Téléphone", telephone, false)]);
        mp.Y += 5;
        var correction = d.Mode switch
        {
            ModeConfirmation.Papier => "Notez toute erreur en rouge sur ce document.",
            ModeConfirmation.ValidationEnLigne => "Corrigez toute erreur sur le portail avant la clôture des inscriptions.",
        };
        mp.Encadre(
            [($"Vérifiez attentivement votre identité : elle sera imprimée telle quelle sur le diplôme. {correction}", mp.Normal)],
            mp.FondAlerte, marge: 5);

        var facultatives = d.LanguesFacultatives.Count == 0 ? "aucune" : string.Join(" ; ", d.LanguesFacultatives);
        DeuxSections(mp,
            "Examen",
            [("Spécialité", d.Specialite, false), ("Option", d.Option ?? "sans option", false), ("Forme de passage", $"{d.FormePassage.ToUpper(Fr)} (choix définitif)", true), ("Statut", d.Statut, false)],
            "Langues vivantes",
            [("Obligatoire", d.LangueObligatoire, false), ("Facultatives", facultatives, false)]);

        Intertitre(mp, "Unités");
        TableUnites(mp, d.Unites);

        Intertitre(mp, "Unités facultatives");
        mp.Paragraphe(d.UnitesFacultatives.Count == 0 ? "aucune" : string.Join(" ; ", d.UnitesFacultatives), mp.Normal);

        mp.Y += 10;
        switch (d.Mode)
        {
            case ModeConfirmation.Papier:
                CadreSignature(mp);
                break;
            case ModeConfirmation.ValidationEnLigne:
                mp.Encadre(
                    [(string.Create(Fr, $"Inscription validée en ligne le {Instant(d.InstantLocal)} ({d.Fuseau}) : cette validation vaut signature."), mp.Gras)],
                    mp.FondClair);
                break;
        }
    }

    private static void Verso(MiseEnPage mp, DonneesConfirmation d)
    {
        mp.Paragraphe("Pièces justificatives à déposer", mp.Titre);
        mp.Y += 4;
        mp.Paragraphe("Chaque pièce se dépose sur le portail ; aucun document papier n'est accepté.", mp.Normal, mp.Gris);
        mp.Y += 6;

        if (d.Pieces.Count == 0)
        {
            mp.Paragraphe("Aucune pièce à déposer.", mp.Normal);
        }

        foreach (var piece in d.Pieces)
        {
            // Keep the label and its state together; sub-items may follow on the next page.
            var entete = mp.Couper($"{piece.Id} – {piece.Libelle}", mp.Gras, mp.Largeur);
            mp.AssurerPlace((entete.Count + 1) * MiseEnPage.Interligne(mp.Gras));
            mp.Paragraphe($"{piece.Id} – {piece.Libelle}", mp.Gras);
            foreach (var element in piece.Elements)
            {
                Puce(mp, element);
            }

            mp.Paragraphe($"État : {piece.Etat}", mp.Normal, mp.Gris, retrait: 14);
            mp.Y += 6;
        }

        mp.Y += 6;
        mp.Encadre([("Toute absence non justifiée à une épreuve obligatoire est éliminatoire.", mp.Gras)], mp.FondAlerte);
    }

    private static void Intertitre(MiseEnPage mp, string titre)
    {
        var interligne = MiseEnPage.Interligne(mp.Intertitre);
        // A heading never ends a page: it keeps at least two lines of its section.
        mp.AssurerPlace(EspaceAvantTitre + interligne + (3 * MiseEnPage.Interligne(mp.Normal)));
        mp.Y += EspaceAvantTitre;
        mp.Graphique.DrawString(titre, mp.Intertitre, mp.Encre, MiseEnPage.Gauche, mp.Y, XStringFormats.TopLeft);
        mp.Y += interligne;
        mp.Graphique.DrawLine(mp.TraitFort, MiseEnPage.Gauche, mp.Y, MiseEnPage.Gauche + mp.Largeur, mp.Y);
        mp.Y += EspaceApresTitre;
    }

    /// <summary>Two sections side by side, kept on one page; the cursor moves below the taller one.</summary>
    private static void DeuxSections(MiseEnPage mp, string titreGauche, (string Libelle, string Valeur, bool Gras)[] gauche, string titreDroite, (string Libelle, string Valeur, bool Gras)[] droite)
    {
        var largeur = (mp.Largeur - Gouttiere) / 2;
        var xDroite = MiseEnPage.Gauche + largeur + Gouttiere;
        var hauteur = Math.Max(
            Section(mp, MiseEnPage.Gauche, largeur, titreGauche, gauche, dessiner: false),
            Section(mp, xDroite, largeur, titreDroite, droite, dessiner: false));
        mp.AssurerPlace(hauteur);
        Section(mp, MiseEnPage.Gauche, largeur, titreGauche, gauche, dessiner: true);
        Section(mp, xDroite, largeur, titreDroite, droite, dessiner: true);
        mp.Y += hauteur;
    }

    /// <summary>A heading and "label : value" lines from the cursor; returns the height, drawing only when asked.</summary>
    private static double Section(MiseEnPage mp, double x, double largeur, string titre, (string Libelle, string Valeur, bool Gras)[] champs, bool dessiner)
    {
        var g = mp.Graphique;
        var y = mp.Y + EspaceAvantTitre;
        if (dessiner)
        {
            g.DrawString(titre, mp.Intertitre, mp.Encre, x, y, XStringFormats.TopLeft);
        }

        y += MiseEnPage.Interligne(mp.Intertitre);
        if (dessiner)
        {
            g.DrawLine(mp.TraitFort, x, y, x + largeur, y);
        }

        y += EspaceApresTitre;
        var largeurLibelle = champs.Max(c => mp.Mesurer($"{c.Libelle} :", mp.Normal)) + 8;
        foreach (var (libelle, valeur, gras) in champs)
        {
            var police = gras ? mp.Gras : mp.Normal;
            if (dessiner)
            {
                g.DrawString($"{libelle} :", mp.Normal, mp.Gris, x, y, XStringFormats.TopLeft);
            }

            foreach (var ligne in mp.Couper(valeur, police, largeur - largeurLibelle))
            {
                if (dessiner)
                {
                    g.DrawString(ligne, police, mp.Encre, x + largeurLibelle, y, XStringFormats.TopLeft);
                }

                y += MiseEnPage.Interligne(police);
            }
        }

        return y - mp.Y;
    }

    private static void Puce(MiseEnPage mp, string texte)
    {
        const double retrait = 14;
        var interligne = MiseEnPage.Interligne(mp.Normal);
        var lignes = mp.Couper(texte, mp.Normal, mp.Largeur - retrait - 10);
        for (var i = 0; i < lignes.Count; i++)
        {
            mp.AssurerPlace(interligne);
            if (i == 0)
            {
                mp.Graphique.DrawString("•", mp.Normal, mp.Encre, MiseEnPage.Gauche + retrait, mp.Y, XStringFormats.TopLeft);
            }

            mp.Graphique.DrawString(lignes[i], mp.Normal, mp.Encre, MiseEnPage.Gauche + retrait + 10, mp.Y, XStringFormats.TopLeft);
            mp.Y += interligne;
        }
    }

    private static void TableUnites(MiseEnPage mp, IReadOnlyList<LigneUniteConfirmation> unites)
    {
        if (unites.Count == 0)
        {
            mp.Paragraphe("aucune", mp.Normal);
            return;
        }

        var largeurIntitule = mp.Largeur - LargeurCode - LargeurStatut;
        var interligne = MiseEnPage.Interligne(mp.Normal);
        EnteteTable(mp, largeurIntitule);
        foreach (var u in unites)
        {
            var code = mp.Couper(u.Code, mp.Gras, LargeurCode - (2 * MargeCellule));
            var intitule = mp.Couper(u.Intitule, mp.Normal, largeurIntitule - (2 * MargeCellule));
            var statut = mp.Couper(u.Statut, mp.Normal, LargeurStatut - (2 * MargeCellule));
            var hauteur = (Math.Max(code.Count, Math.Max(intitule.Count, statut.Count)) * interligne) + (2 * MargeCellule);

            // A row that does not fit moves to a new page, under a repeated header.
            if (mp.AssurerPlace(hauteur))
            {
                Intertitre(mp, "Unités (suite)");
                EnteteTable(mp, largeurIntitule);
            }

            var x = MiseEnPage.Gauche;
            Cellule(mp, x, LargeurCode, hauteur, code, mp.Gras, null);
            Cellule(mp, x + LargeurCode, largeurIntitule, hauteur, intitule, mp.Normal, null);
            Cellule(mp, x + LargeurCode + largeurIntitule, LargeurStatut, hauteur, statut, mp.Normal, null);
            mp.Y += hauteur;
        }
    }

    private static void EnteteTable(MiseEnPage mp, double largeurIntitule)
    {
        var hauteur = MiseEnPage.Interligne(mp.Gras) + (2 * MargeCellule);
        var x = MiseEnPage.Gauche;
        Cellule(mp, x, LargeurCode, hauteur, ["Code"], mp.Gras, mp.FondClair);
        Cellule(mp, x + LargeurCode, largeurIntitule, hauteur, ["Intitulé"], mp.Gras, mp.FondClair);
        Cellule(mp, x + LargeurCode + largeurIntitule, LargeurStatut, hauteur, ["Statut à cette session"], mp.Gras, mp.FondClair);
        mp.Y += hauteur;
    }

    private static void Cellule(MiseEnPage mp, double x, double largeur, double hauteur, List<string> lignes, XFont police, XBrush? fond)
    {
        if (fond is null)
        {
            mp.Graphique.DrawRectangle(mp.Trait, x, mp.Y, largeur, hauteur);
        }
        else
        {
            mp.Graphique.DrawRectangle(mp.Trait, fond, x, mp.Y, largeur, hauteur);
        }

        var y = mp.Y + MargeCellule;
        foreach (var ligne in lignes)
        {
            mp.Graphique.DrawString(ligne, police, mp.Encre, x + MargeCellule, y, XStringFormats.TopLeft);
            y += MiseEnPage.Interligne(police);
        }
    }

    private static void CadreSignature(MiseEnPage mp)
    {
        const double hauteurCadre = 62;
        const string consigne = "Datez et signez ce document, notez toute correction en rouge, puis déposez-le sur le portail "
            + "(aucun retour papier n'est accepté). Vérifiez bien la forme de passage et les langues vivantes.";
        var hauteur = (mp.Couper(consigne, mp.Gras, mp.Largeur).Count * MiseEnPage.Interligne(mp.Gras)) + 6 + hauteurCadre;
        mp.AssurerPlace(hauteur);
        // On paper the box sits at the foot of the page, where a signature is expected.
        mp.Y = Math.Max(mp.Y, mp.Bas - hauteur);
        mp.Paragraphe(consigne, mp.Gras);
        mp.Y += 6;

        var g = mp.Graphique;
        g.DrawRectangle(mp.TraitFort, MiseEnPage.Gauche, mp.Y, mp.Largeur, hauteurCadre);
        var milieu = MiseEnPage.Gauche + (mp.Largeur * 0.42);
        g.DrawLine(mp.Trait, milieu, mp.Y, milieu, mp.Y + hauteurCadre);
        g.DrawString("Date : ……………………………", mp.Normal, mp.Encre, MiseEnPage.Gauche + 8, mp.Y + 10, XStringFormats.TopLeft);
        g.DrawString("Signature :", mp.Normal, mp.Encre, milieu + 8, mp.Y + 10, XStringFormats.TopLeft);
        mp.Y += hauteurCadre;
    }
}
