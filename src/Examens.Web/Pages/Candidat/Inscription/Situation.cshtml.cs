using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Regles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Candidat.Inscription;

public sealed class SituationModel(ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public sealed class Formulaire
    {
        public StatutCandidat Statut { get; set; } = StatutCandidat.Individuel;

        public bool ExScolaire { get; set; }

        public bool ExApprenti { get; set; }

        public bool Redoublant { get; set; }

        public bool FormationAmenagee { get; set; }

        public bool ContratRompu { get; set; }

        public bool DemandeAmenagement { get; set; }

        public FormePassage? FormePrecedente { get; set; }
    }

    public (StatutCandidat Valeur, string Libelle, string Aide)[] Statuts { get; } =
    [
        (StatutCandidat.Individuel, "Candidat individuel", "Vous vous présentez seul, sans établissement de formation pour cette session."),
        (StatutCandidat.EnseignementADistance, "Enseignement à distance", "Vous suivez une formation par correspondance (CNED ou organisme privé)."),
        (StatutCandidat.FormationProfessionnelleContinue, "Formation professionnelle continue", "Salarié, demandeur d'emploi, contrat de professionnalisation… Pièce : un justificatif."),
        (StatutCandidat.CifPtp, "Congé individuel de formation ou projet de transition professionnelle", "Pièce : le contrat ou l'accord de prise en charge."),
        (StatutCandidat.Apprenti, "Apprenti", "Pièce : le contrat d'apprentissage. La forme globale est obligatoire."),
    ];

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
            Statut = d.Statut,
            ExScolaire = d.ExScolaire,
            ExApprenti = d.ExApprenti,
            Redoublant = d.Redoublant,
            FormationAmenagee = d.FormationAmenagee,
            ContratRompu = d.ContratProfessionnalisationRompu,
            DemandeAmenagement = d.DemandeAmenagementEpreuves,
            FormePrecedente = d.FormePrecedente,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? aller, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        if (!Enum.IsDefined(Saisie.Statut))
        {
            ModelState.AddModelError("Saisie.Statut", "Choisissez comment vous vous préparez à l'examen.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await EnregistrerAsync(d => d with
        {
            Statut = Saisie.Statut,
            ExScolaire = Saisie.ExScolaire,
            ExApprenti = Saisie.ExApprenti,
            Redoublant = Saisie.Redoublant,
            FormationAmenagee = Saisie.FormationAmenagee,
            ContratProfessionnalisationRompu = Saisie.ContratRompu,
            DemandeAmenagementEpreuves = Saisie.DemandeAmenagement,
            FormePrecedente = Saisie.FormePrecedente,
        }, aller, "situation", annulation);
    }
}
