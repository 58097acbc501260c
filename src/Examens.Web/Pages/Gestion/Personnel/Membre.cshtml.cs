using Examens.Core.Comptes;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Personnel;

/// <summary>
/// One member of staff (administrators only): an officer's academies, disable / re-enable, reset the second factor,
/// send the invitation again, and the account's trail.
/// </summary>
public sealed class MembreModel(
    ExamensDbContext db, UserManager<Compte> comptes, ModifierPerimetre perimetre, ChangerActivationCompte activation,
    ReinitialiserSecondFacteur reinitialiser, InviterPersonnel inviter, TimeProvider horloge) : PageGestion
{
    public Core.Comptes.Personnel.Membre Membre { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Nom)> AcademiesConnues { get; private set; } = [];

    public IReadOnlyList<EvenementJournal> Journal { get; private set; } = [];

    public bool MotDePasseChoisi { get; private set; }

    /// <summary>The trail's actors by e-mail address (the trail keeps the account id).</summary>
    public IReadOnlyDictionary<string, string> Acteurs { get; private set; } = new Dictionary<string, string>();

    public string Acteur(string id) => Acteurs.TryGetValue(id, out var courriel) ? courriel : id;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken annulation) =>
        await ChargerAsync(id, annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcademiesAsync(string id, List<string> academies, CancellationToken annulation) =>
        await ApresAsync(id, await perimetre.ExecuterAsync(id, academies ?? [], CompteId, Adresse, annulation) is var r && r.Reussi ? null : r.Erreurs,
            "Académies enregistrées.", annulation);

    public async Task<IActionResult> OnPostActivationAsync(string id, bool? activer, CancellationToken annulation)
    {
        // A missing or unreadable choice used to read as false and disabled the account: it now changes nothing.
        ModelState.Clear();
        if (activer is not { } choix)
        {
            return await ApresAsync(id, [new ErreurRegle("", "CHOICE_REQUIRED", "Choisissez de désactiver ou de réactiver le compte : rien n'a été modifié.", null)], "", annulation);
        }

        return await ApresAsync(id, await activation.ExecuterAsync(id, choix, CompteId, Adresse, annulation) is var r && r.Reussi ? null : r.Erreurs,
            choix ? "Compte réactivé : il peut de nouveau se connecter." : "Compte désactivé : il ne peut plus se connecter et ses sessions ouvertes sont fermées.",
            annulation);
    }

    public async Task<IActionResult> OnPostSecondFacteurAsync(string id, CancellationToken annulation) =>
        await ApresAsync(id, await reinitialiser.ExecuterAsync(id, CompteId, Adresse, annulation) is var r && r.Reussi ? null : r.Erreurs,
            "Second facteur réinitialisé : à sa prochaine connexion, le membre associera de nouveau une application d'authentification.", annulation);

    public async Task<IActionResult> OnPostInvitationAsync(string id, CancellationToken annulation)
    {
        var membre = await Core.Comptes.Personnel.TrouverAsync(db, id, annulation);
        if (membre is null)
        {
            return NotFound();
        }

        if (await comptes.HasPasswordAsync(membre.Compte))
        {
            return await ApresAsync(id, [new ErreurRegle("", "ALREADY_ACCEPTED", "Ce membre a déjà choisi son mot de passe : il peut utiliser « Mot de passe oublié ».", null)], "", annulation);
        }

        var envoye = await inviter.EnvoyerInvitationAsync(membre.Compte, $"{Request.Scheme}://{Request.Host}", annulation);
        db.Journal.Add(Core.Comptes.Personnel.Entree(horloge.GetUtcNow().UtcDateTime, CompteId, "compte.invitation.renvoyee", id, null,
            envoye ? "courriel envoyé" : "courriel non parti", Adresse));
        await db.SaveChangesAsync(annulation);
        return await ApresAsync(id, envoye ? null : [new ErreurRegle("", "MAIL_FAILED", "Le courriel d'invitation n'a pas pu partir : réessayez plus tard.", null)],
            "Invitation renvoyée.", annulation);
    }

    private async Task<IActionResult> ApresAsync(string id, IReadOnlyList<ErreurRegle>? erreurs, string message, CancellationToken annulation)
    {
        if (erreurs is [{ Code: "NOT_FOUND" }])
        {
            return NotFound();
        }

        if (erreurs is { Count: > 0 })
        {
            foreach (var e in erreurs)
            {
                ModelState.AddModelError(e.Chemin ?? "", e.Message);
            }

            return await ChargerAsync(id, annulation) ? Page() : NotFound();
        }

        TempData["Message"] = message;
        return Redirect($"/gestion/personnel/{id}");
    }

    private async Task<bool> ChargerAsync(string id, CancellationToken annulation)
    {
        var membre = await Core.Comptes.Personnel.TrouverAsync(db, id, annulation);
        if (membre is null)
        {
            return false;
        }

        Membre = membre;
        MotDePasseChoisi = await comptes.HasPasswordAsync(membre.Compte);
        AcademiesConnues = await Core.Comptes.Personnel.AcademiesConnuesAsync(db, annulation);
        var cible = $"compte:{id}";
        Journal = await db.Journal.Where(e => e.Cible == cible).OrderByDescending(e => e.Id).Take(100).ToListAsync(annulation);
        var ids = Journal.Select(e => e.Acteur).Distinct().ToList();
        Acteurs = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, annulation);
        return true;
    }
}
