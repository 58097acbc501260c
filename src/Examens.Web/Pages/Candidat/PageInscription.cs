using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Candidat;

/// <summary>
/// A page about one of the signed-in candidate's registrations. The registration is loaded with the candidate's id:
/// another candidate's identifier finds nothing and the page answers 404, revealing nothing.
/// </summary>
public abstract class PageInscription(ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge) : PageModel
{
    public static readonly (string Cle, string Titre)[] Etapes =
    [
        ("identite", "Identité et coordonnées"),
        ("situation", "Situation"),
        ("examen", "Spécialité, forme et langues"),
        ("notes", "Notes des sessions antérieures"),
        ("dispenses", "Dispenses"),
        ("recapitulatif", "Récapitulatif et soumission"),
    ];

    protected ExamensDbContext Db => db;

    protected TimeProvider Horloge => horloge;

    protected VerifierBrouillon Verificateur => verificateur;

    protected UserManager<Compte> Comptes => comptes;

    public EtatDossier Dossier { get; private set; } = null!;

    public Compte Compte { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The draft revision the form was built from (optimistic concurrency between tabs).</summary>
    [BindProperty]
    public int Revision { get; set; }

    public bool Modifiable => Dossier.Position == PositionDansFenetre.Ouverte && !Dossier.Inscription.AcademieSession.Session.ConvocationsPubliees;

    public string CandidatId => comptes.GetUserId(User) ?? "";

    protected async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuCandidatAsync(db, CandidatId, Id, annulation);
        var compte = await comptes.GetUserAsync(User);
        if (inscription is null || compte is null)
        {
            return false;
        }

        Compte = compte;
        Dossier = EtatDossier.Construire(inscription, compte, verificateur, horloge.GetUtcNow());
        if (HttpMethods.IsGet(Request.Method))
        {
            Revision = inscription.Revision;
        }

        return true;
    }

    /// <summary>Saves the step through the use case; on success goes where the candidate asked (another step or this one).</summary>
    protected async Task<IActionResult> EnregistrerAsync(Func<DonneesInscription, DonneesInscription> modifier, string? aller, string etapeCourante, CancellationToken annulation)
    {
        var resultat = await new EnregistrerBrouillon(db, horloge, verificateur).ExecuterAsync(CandidatId, Id, Revision, modifier, annulation, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!resultat.Reussi)
        {
            await AfficherErreursAsync(resultat.Erreurs, annulation);
            return Page();
        }

        TempData["Message"] = "Brouillon enregistré. Il n'est transmis au service des examens qu'une fois soumis (étape « Récapitulatif »).";
        var cible = Etapes.Any(e => e.Cle == aller) || aller == "pieces" ? aller! : etapeCourante;
        return Redirect($"/candidat/inscriptions/{Id}/{cible}");
    }

    /// <summary>A use case refused: its French messages go in the page's error summary, shown with fresh data.</summary>
    protected async Task AfficherErreursAsync(IEnumerable<ErreurRegle> erreurs, CancellationToken annulation)
    {
        foreach (var e in erreurs)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        await ChargerAsync(annulation);
    }

    public string LocalTime(DateTime utc) =>
        Francais.DateHeure(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Dossier.Inscription.AcademieSession.FuseauHoraire));
}
