using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Inscriptions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Candidat.Inscription;

public sealed class RecapitulatifModel(
    ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge,
    SoumettreInscription soumettre, RetirerInscription retirer)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public RecuSoumission? Recu { get; private set; }

    public string? NomSpecialite { get; private set; }

    public static string Statut(StatutPlan statut) => statut switch
    {
        StatutPlan.APasser => "à présenter",
        StatutPlan.Benefice => "note conservée (bénéfice)",
        StatutPlan.Report => "note reportée",
        StatutPlan.Dispense => "dispensée",
        StatutPlan.PasCetteSession => "pas à cette session",
    };

    /// <summary>Which step fixes an error, from the path the engine gives.</summary>
    public static string? EtapeDe(string? chemin) => chemin switch
    {
        null => null,
        _ when chemin.StartsWith("identite", StringComparison.Ordinal) || chemin.StartsWith("adresse", StringComparison.Ordinal) => "identite",
        _ when chemin.StartsWith("priorGrades", StringComparison.Ordinal) || chemin.StartsWith("notes", StringComparison.Ordinal) => "notes",
        _ when chemin.StartsWith("exemptions", StringComparison.Ordinal) => "dispenses",
        "submittedAt" => null,
        _ => "examen",
    };

    /// <summary>The same submission posted again (double click, retry): the receipt says it was already recorded.</summary>
    public bool DejaRecue { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool recu, int? version, bool deja, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        // The receipt of the version this submission made (named in the address), not whatever came after it.
        var versions = Dossier.Inscription.Versions.OrderByDescending(v => v.Numero);
        if (recu && (version is { } n ? versions.FirstOrDefault(v => v.Numero == n) : versions.FirstOrDefault()) is { } v)
        {
            DejaRecue = TempData[Infrastructure.Idempotence.FiltreIdempotence.MarqueDeja] is true;
            Recu = new RecuSoumission(v.Numero, v.SoumiseLeUtc, v.Empreinte, v.CodeVerification, deja || DejaRecue);
        }

        Preparer();
        return Page();
    }

    public async Task<IActionResult> OnPostSoumettreAsync(CancellationToken annulation)
    {
        // The use case reads what it needs and is scoped to the candidate: the page is loaded only to show a refusal.
        var resultat = await soumettre.ExecuterAsync(CandidatId, Id, annulation, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!resultat.Reussi)
        {
            if (resultat.Erreurs.Any(e => e.Code == SoumettreInscription.Introuvable.Code))
            {
                return NotFound();
            }

            Db.ChangeTracker.Clear();
            await AfficherErreursAsync(resultat.Erreurs, annulation);
            if (Dossier is null)
            {
                return NotFound();
            }

            Preparer();
            return Page();
        }

        // "Already recorded" travels in the address, not in a cookie: no cookie to encrypt at the rush, nor to carry
        // (and decrypt) on every later page if the receipt is never opened.
        var deja = resultat.Valeur!.DejaSoumise ? "&deja=true" : "";
        return Redirect($"/candidat/inscriptions/{Id}/recapitulatif?recu=true&version={resultat.Valeur.Version}{deja}#recu");
    }

    public async Task<IActionResult> OnPostRetirerAsync(bool? confirmeRetrait, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        // Nullable: a box left unticked is not posted, and a required bool would add its own message to this one.
        if (confirmeRetrait != true)
        {
            ModelState.AddModelError("confirmeRetrait", "Cochez la case pour confirmer le retrait de votre inscription.");
            Preparer();
            return Page();
        }

        var resultat = await retirer.ExecuterAsync(CandidatId, Id, annulation, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!resultat.Reussi)
        {
            await AfficherErreursAsync(resultat.Erreurs, annulation);
            Preparer();
            return Page();
        }

        TempData["Message"] = "Votre inscription est retirée.";
        return Redirect($"/candidat/inscriptions/{Id}/recapitulatif");
    }

    private void Preparer()
    {
        var d = Dossier.Donnees;
        var s = string.IsNullOrEmpty(d.Specialite) ? null : Verificateur.Catalogue.Trouver(d.Specialite, Dossier.Inscription.AcademieSession.Session.Annee).Specialite;
        if (s is not null)
        {
            var option = d.Option is null ? null : s.TrouverOption(d.Option);
            NomSpecialite = option is null ? $"{s.Nom} ({s.Code})" : $"{s.Nom} ({s.Code}), option {option.Code} – {option.Nom}";
        }
    }
}
