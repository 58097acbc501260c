using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Candidat.Inscription;

public sealed partial class IdentiteModel(ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public sealed class Formulaire
    {
        [Required(ErrorMessage = "Indiquez votre nom de naissance.")]
        [StringLength(100, ErrorMessage = "Le nom compte au plus 100 caractères.")]
        [RegularExpression(TexteSimple.Nom, ErrorMessage = "Le nom ne peut contenir que des lettres, des espaces, des tirets et des apostrophes.")]
        public string Nom { get; set; } = "";

        [Required(ErrorMessage = "Indiquez vos prénoms.")]
        [StringLength(150, ErrorMessage = "Les prénoms comptent au plus 150 caractères.")]
        [RegularExpression(TexteSimple.Nom, ErrorMessage = "Les prénoms ne peuvent contenir que des lettres, des espaces, des tirets et des apostrophes.")]
        public string Prenoms { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre date de naissance (jj/mm/aaaa).")]
        public string DateNaissance { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre lieu de naissance.")]
        [StringLength(150, ErrorMessage = "Le lieu de naissance compte au plus 150 caractères.")]
        [TexteLibre("Le lieu de naissance")]
        public string LieuNaissance { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre adresse.")]
        [StringLength(300, ErrorMessage = "L'adresse compte au plus 300 caractères.")]
        [TexteLibre("L'adresse", multiligne: true)]
        public string Adresse { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre code postal.")]
        [RegularExpression(@"^[0-9A-Za-z \-]{3,10}$", ErrorMessage = "Le code postal compte de 3 à 10 chiffres ou lettres.")]
        public string CodePostal { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre commune.")]
        [StringLength(100, ErrorMessage = "La commune compte au plus 100 caractères.")]
        [TexteLibre("La commune")]
        public string Ville { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre pays.")]
        [StringLength(60, ErrorMessage = "Le pays compte au plus 60 caractères.")]
        [RegularExpression(TexteSimple.Nom, ErrorMessage = "Le pays ne peut contenir que des lettres.")]
        public string Pays { get; set; } = "France";

        [RegularExpression(@"^\+?[0-9 .\-]{6,20}$", ErrorMessage = "Le numéro de téléphone compte de 6 à 20 chiffres (espaces, points et + acceptés).")]
        public string? Telephone { get; set; }
    }

    [BindProperty]
    public Formulaire Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var d = Dossier.Donnees;
        Saisie = new Formulaire
        {
            Nom = Compte.Nom,
            Prenoms = Compte.Prenoms,
            DateNaissance = Compte.DateNaissance?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "",
            LieuNaissance = Compte.LieuNaissance,
            Adresse = d.Adresse,
            CodePostal = d.CodePostal,
            Ville = d.Ville,
            Pays = d.Pays,
            Telephone = d.Telephone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? aller, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        if (Compte.IdentiteVerrouillee)
        {
            // The locked fields are not posted (disabled): keep what is stored, validate only the address.
            foreach (var champ in new[] { "Saisie.Nom", "Saisie.Prenoms", "Saisie.DateNaissance", "Saisie.LieuNaissance" })
            {
                ModelState.Remove(champ);
            }
        }

        DateOnly naissance = default;
        if (!Compte.IdentiteVerrouillee && ModelState.GetFieldValidationState("Saisie.DateNaissance") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && !DateSaisie.Lire(Saisie.DateNaissance, Horloge, out naissance, out var erreurDate))
        {
            ModelState.AddModelError("Saisie.DateNaissance", erreurDate);
        }

        // The convocation is posted to this address: a French postal code has five digits (overseas ones too).
        if (ModelState.GetFieldValidationState("Saisie.CodePostal") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && EstLaFrance(Saisie.Pays)
            && !CodePostalFrancais().IsMatch(Saisie.CodePostal.Trim()))
        {
            ModelState.AddModelError("Saisie.CodePostal", "Un code postal français compte 5 chiffres, sans espace (par exemple 54000 ou 97200).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // P22: a tab built from an older revision changes nothing, the account's identity included (checked before
        // the identity is written; the draft save checks again under the database's concurrency token).
        if (Revision != Dossier.Inscription.Revision)
        {
            await AfficherErreursAsync([EnregistrerBrouillon.ConflitDeRevision], annulation);
            return Page();
        }

        if (!Compte.IdentiteVerrouillee && Modifiable)
        {
            Compte.Nom = Saisie.Nom.Trim();
            Compte.Prenoms = Saisie.Prenoms.Trim();
            Compte.DateNaissance = naissance;
            Compte.LieuNaissance = Saisie.LieuNaissance.Trim();
            await Comptes.UpdateAsync(Compte);
        }

        return await EnregistrerAsync(d => d with
        {
            Adresse = Saisie.Adresse.Trim(),
            CodePostal = Saisie.CodePostal.Trim(),
            Ville = Saisie.Ville.Trim(),
            Pays = Saisie.Pays.Trim(),
            Telephone = Saisie.Telephone?.Trim() ?? "",
        }, aller, "identite", annulation);
    }

    private static bool EstLaFrance(string? pays) => string.Equals(pays?.Trim(), "France", StringComparison.OrdinalIgnoreCase);

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{5}$")]
    private static partial System.Text.RegularExpressions.Regex CodePostalFrancais();
}
