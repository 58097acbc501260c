using System.Globalization;
using System.Text;
using Examens.Core.Documents.Confirmation;
using Examens.Domain.Pieces;
using Examens.Domain.Regles;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace Examens.Core.Tests.Documents.Confirmation;

public class ConfirmationInscriptionPdfTests
{
    private static readonly string[] Attestations =
    [
        "Attestation de formation à la prévention des risques d'origine électrique",
        "Attestation de formation aux travaux en hauteur",
        "Attestation de formation à la manipulation des fluides frigorigènes",
        "Attestation de formation à la protection et au secours aux personnes en cas d'urgence",
    ];

    /// <summary>The seed's example candidate: MS option A, globale, U1 exempted, U31 kept from 2022, optional Arabic.</summary>
    private static DonneesConfirmation Donnees(ModeConfirmation mode = ModeConfirmation.Papier) => new()
    {
        Session = "BTS session 2024",
        Academie = "SIEC (Créteil, Paris, Versailles)",
        NumeroInscription = "2024-SIEC-004217",
        Version = 3,
        InstantLocal = new DateTime(2023, 11, 15, 16, 59, 59, DateTimeKind.Unspecified),
        Fuseau = "Europe/Paris",
        CodeVerification = "7KQ4-M2XD",
        Mode = mode,
        Nom = "Lefèvre-Çağlar",
        Prenoms = "Élodie, Anaïs",
        DateNaissance = new DateOnly(2001, 3, 9),
        LieuNaissance = "Saint-Étienne (42)",
        Adresse = "12 rue de l'Église\nBâtiment B, appartement 4\n94000 Créteil",
        Courriel = "elodie.lefevre@example.fr",
        Telephone = "06 12 34 56 78",
        Specialite = "MS – Maintenance des systèmes",
        Option = "A – Systèmes de production",
        FormePassage = "globale",
        Statut = "candidat individuel",
        LangueObligatoire = "anglais",
        LanguesFacultatives = ["arabe (arabe littéral)"],
        UnitesFacultatives = ["UF1 – Langue vivante facultative : arabe (arabe littéral)"],
        Unites =
        [
            new("U1", "Culture générale et expression", "dispense (diplôme de niveau 5)"),
            new("U2", "Langue vivante étrangère 1 : anglais", "à présenter"),
            new("U31", "Mathématiques", "bénéfice (session 2022, valable jusqu'au 31 décembre 2027)"),
            new("U32", "Physique et chimie", "à présenter"),
            new("U4", "Analyse technique en vue de l'intégration d'un bien", "à présenter"),
            new("U51", "Maintenance corrective d'un bien", "à présenter"),
            new("U52", "Organisation de la maintenance", "à présenter"),
            new("U61", "Réalisation d'activités de maintenance préventive en milieu professionnel", "à présenter"),
            new("U62", "Amélioration d'un bien", "à présenter"),
        ],
        Pieces =
        [
            .. mode == ModeConfirmation.Papier ? [new PieceConfirmation("D1", TableDesPieces.LibelleD1, [], "à déposer")] : Array.Empty<PieceConfirmation>(),
            new("D2", TableDesPieces.LibelleD2, [], "déposée le 14 novembre 2023"),
            new("D3", TableDesPieces.LibelleD3, [], "à déposer"),
            new("D6", TableDesPieces.LibelleD6, Attestations, "à déposer"),
            new("D11", TableDesPieces.LibelleD11, [], "refusée : document illisible"),
        ],
    };

    /// <summary>Each page's words joined by one space, so a fragment matches whatever the line breaks.</summary>
    private static string[] Pages(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    private static HashSet<string> Mots(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)];
    }

    private static LigneUniteConfirmation[] Unites(int nombre) =>
        [.. Enumerable.Range(1, nombre).Select(i => new LigneUniteConfirmation(
            string.Create(CultureInfo.InvariantCulture, $"U{i:00}"),
            string.Create(CultureInfo.InvariantCulture, $"Unité professionnelle numéro {i} : étude, réalisation et soutenance d'un dossier technique"),
            i % 3 == 0 ? "report (session 2023, note inférieure à 10 conservée à la demande du candidat)" : "à présenter"))];

    [Fact]
    public void A_pdf_starts_with_the_pdf_signature()
    {
        var pdf = ConfirmationInscriptionPdf.Generer(Donnees());
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
    }

    [Fact]
    public void The_identity_is_printed_with_its_accents_and_the_diploma_warning()
    {
        var recto = Pages(ConfirmationInscriptionPdf.Generer(Donnees()))[0];
        Assert.Contains("Lefèvre-Çağlar", recto, StringComparison.Ordinal);
        Assert.Contains("Élodie, Anaïs", recto, StringComparison.Ordinal);
        Assert.Contains("9 mars 2001 à Saint-Étienne (42)", recto, StringComparison.Ordinal);
        Assert.Contains("elle sera imprimée telle quelle sur le diplôme", recto, StringComparison.Ordinal);
        // Two columns: PdfPig reads across them, so each address line is checked on its own.
        Assert.Contains("12 rue de l'Église", recto, StringComparison.Ordinal);
        Assert.Contains("Bâtiment B, appartement 4", recto, StringComparison.Ordinal);
        Assert.Contains("94000 Créteil", recto, StringComparison.Ordinal);
        Assert.Contains("elodie.lefevre@example.fr", recto, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_shows_the_version_and_instant()
    {
        var recto = Pages(ConfirmationInscriptionPdf.Generer(Donnees()))[0];
        Assert.Contains("Inscription n° 2024-SIEC-004217", recto, StringComparison.Ordinal);
        Assert.Contains("Version 3 du 15 novembre 2023 à 16:59:59 (Europe/Paris)", recto, StringComparison.Ordinal);
        Assert.Contains("Code de vérification : 7KQ4-M2XD", recto, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("globale", "GLOBALE", "PROGRESSIVE")]
    [InlineData("progressive", "PROGRESSIVE", "GLOBALE")]
    public void The_exam_form_is_in_capitals_with_its_definitive_reminder(string forme, string attendue, string absente)
    {
        var recto = Pages(ConfirmationInscriptionPdf.Generer(Donnees() with { FormePassage = forme }))[0];
        Assert.Contains($"{attendue} (choix définitif", recto, StringComparison.Ordinal);
        Assert.DoesNotContain(absente, recto, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recto_shows_the_exam_languages_and_every_unit()
    {
        var d = Donnees();
        var pdf = ConfirmationInscriptionPdf.Generer(d);
        var recto = Pages(pdf)[0];
        Assert.Contains("MS – Maintenance des systèmes", recto, StringComparison.Ordinal);
        Assert.Contains("A – Systèmes de production", recto, StringComparison.Ordinal);
        Assert.Contains("candidat individuel", recto, StringComparison.Ordinal);
        Assert.Contains("Obligatoire : anglais", recto, StringComparison.Ordinal);
        Assert.Contains("Facultatives : arabe (arabe littéral)", recto, StringComparison.Ordinal);
        Assert.Contains("UF1 – Langue vivante facultative", recto, StringComparison.Ordinal);
        Assert.Contains("U31 Mathématiques bénéfice (session 2022, valable jusqu'au 31 décembre 2027)", recto, StringComparison.Ordinal);
        var mots = Mots(pdf);
        Assert.All(d.Unites, u => Assert.Contains(u.Code, mots));
    }

    [Fact]
    public void The_documents_are_on_the_last_page_with_their_items_and_state()
    {
        var pages = Pages(ConfirmationInscriptionPdf.Generer(Donnees()));
        Assert.Equal(2, pages.Length);
        var verso = pages[^1];
        Assert.Contains("Pièces justificatives à déposer", verso, StringComparison.Ordinal);
        Assert.Contains($"D2 – {TableDesPieces.LibelleD2}", verso, StringComparison.Ordinal);
        Assert.Contains("État : déposée le 14 novembre 2023", verso, StringComparison.Ordinal);
        Assert.Contains($"D6 – {TableDesPieces.LibelleD6}", verso, StringComparison.Ordinal);
        Assert.All(Attestations, a => Assert.Contains($"• {a}", verso, StringComparison.Ordinal));
        Assert.Contains("État : refusée : document illisible", verso, StringComparison.Ordinal);
        Assert.Contains("Toute absence non justifiée à une épreuve obligatoire est éliminatoire.", verso, StringComparison.Ordinal);
        Assert.DoesNotContain("Pièces justificatives", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Paper_mode_has_the_signature_box_and_the_instruction()
    {
        var recto = Pages(ConfirmationInscriptionPdf.Generer(Donnees(ModeConfirmation.Papier)))[0];
        Assert.Contains("Date :", recto, StringComparison.Ordinal);
        Assert.Contains("Signature :", recto, StringComparison.Ordinal);
        Assert.Contains("Datez et signez ce document, notez toute correction en rouge, puis déposez-le sur le portail (aucun retour papier n'est accepté)", recto, StringComparison.Ordinal);
        Assert.DoesNotContain("validée en ligne", recto, StringComparison.Ordinal);
    }

    [Fact]
    public void Online_mode_says_validation_counts_as_signature_and_has_no_signature_box()
    {
        var recto = Pages(ConfirmationInscriptionPdf.Generer(Donnees(ModeConfirmation.ValidationEnLigne)))[0];
        Assert.Contains("Inscription validée en ligne le 15 novembre 2023 à 16:59:59 (Europe/Paris) : cette validation vaut signature.", recto, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature :", recto, StringComparison.Ordinal);
        Assert.DoesNotContain("Datez et signez", recto, StringComparison.Ordinal);
        Assert.DoesNotContain("en rouge", recto, StringComparison.Ordinal);
    }

    [Fact]
    public void Forty_units_continue_on_new_pages_with_every_code_and_a_repeated_header()
    {
        var d = Donnees() with { Unites = Unites(40) };
        var pdf = ConfirmationInscriptionPdf.Generer(d);
        var pages = Pages(pdf);
        Assert.True(pages.Length > 2, $"{pages.Length} pages");
        var mots = Mots(pdf);
        Assert.All(d.Unites, u => Assert.Contains(u.Code, mots));
        Assert.Contains("Unités (suite) Code Intitulé Statut à cette session", pages[1], StringComparison.Ordinal);
        Assert.Contains("Pièces justificatives à déposer", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_has_the_footer_with_its_number_and_the_total()
    {
        var pages = Pages(ConfirmationInscriptionPdf.Generer(Donnees() with { Unites = Unites(40) }));
        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Inscription n° 2024-SIEC-004217 – version 3 – page {i + 1}/{pages.Length}"), pages[i], StringComparison.Ordinal);
        }

        Assert.Contains("page 1/", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_texts_wrap_and_nothing_is_drawn_outside_the_margins()
    {
        var adresse = string.Join(' ', Enumerable.Repeat("résidence des Jardins de la Maison Blanche, escalier C", 6));
        var facultative = string.Join(' ', Enumerable.Repeat("UF-EE – Engagement étudiant : responsabilités associatives et citoyennes", 4));
        var d = Donnees() with
        {
            Adresse = adresse,
            Courriel = "une.adresse.electronique.tres.longue.sans.aucun.espace.pour.couper@sous-domaine.example.fr",
            UnitesFacultatives = [facultative],
            Unites = Unites(40),
        };
        using var document = PdfPigDocument.Open(ConfirmationInscriptionPdf.Generer(d));
        foreach (var page in document.GetPages())
        {
            Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), l => Assert.True(
                l.BoundingBox.Left >= 36 && l.BoundingBox.Right <= page.Width - 36
                && l.BoundingBox.Bottom >= 36 && l.BoundingBox.Top <= page.Height - 36,
                $"« {l.Value} » hors marge en {l.BoundingBox} page {page.Number}"));
        }

        var mots = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains(facultative, string.Join(' ', mots), StringComparison.Ordinal);
        // The address shares its lines with the left column: its words must still all be there, in order.
        var suivant = 0;
        foreach (var mot in adresse.Split(' '))
        {
            suivant = mots.IndexOf(mot, suivant) + 1;
            Assert.True(suivant > 0, $"« {mot} » manque ou est déplacé");
        }
    }

    [Fact]
    public void The_document_information_names_the_registration()
    {
        using var document = PdfPigDocument.Open(ConfirmationInscriptionPdf.Generer(Donnees()));
        Assert.Equal("Confirmation d'inscription n° 2024-SIEC-004217", document.Information.Title);
        Assert.Equal("Examens", document.Information.Author);
        Assert.Equal("BTS session 2024 – SIEC (Créteil, Paris, Versailles) – version 3", document.Information.Subject);
        Assert.Equal(595, document.GetPage(1).Width, 0);
        Assert.Equal(842, document.GetPage(1).Height, 0);
    }

    [Fact]
    public void An_online_confirmation_without_documents_says_so()
    {
        var verso = Pages(ConfirmationInscriptionPdf.Generer(Donnees(ModeConfirmation.ValidationEnLigne) with { Pieces = [] }))[^1];
        Assert.Contains("Aucune pièce à déposer.", verso, StringComparison.Ordinal);
    }
}
