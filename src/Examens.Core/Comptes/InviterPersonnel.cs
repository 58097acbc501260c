using System.Text;
using Examens.Core.Courriels;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Examens.Core.Comptes;

/// <summary>
/// An administrator creates an officer (with at least one academy of the database) or another administrator. No
/// password is ever set by the administrator: the new member gets an e-mail with a single-use link (Identity
/// password-reset token) to choose their password, then enrols their authenticator at their first sign-in.
/// </summary>
public sealed partial class InviterPersonnel(
    UserManager<Compte> comptes, RoleManager<IdentityRole> roles, ExamensDbContext db, IEnvoiCourriel courriels, TimeProvider horloge,
    ILogger<InviterPersonnel> journal)
{
    public sealed record Saisie(string Courriel, string Nom, string Prenoms, string Role, IReadOnlyList<string> Academies);

    public sealed record Invite(Compte Compte, bool CourrielEnvoye);

    public async Task<ResultatOperation<Invite>> ExecuterAsync(Saisie saisie, string acteurId, string? adresse, string origine, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(saisie);
        var courriel = (saisie.Courriel ?? "").Trim();
        var nom = (saisie.Nom ?? "").Trim();
        var prenoms = (saisie.Prenoms ?? "").Trim();
        var academies = (saisie.Academies ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var erreurs = new List<ErreurRegle>();
        if (courriel.Length is 0 or > 200 || courriel.IndexOf('@', StringComparison.Ordinal) <= 0 || courriel.EndsWith('@') || courriel.Contains(' ', StringComparison.Ordinal))
        {
            erreurs.Add(new ErreurRegle("", "EMAIL_INVALID", "Indiquez une adresse électronique valide (par exemple prenom.nom@ac-exemple.fr).", "Courriel"));
        }
        else if (await comptes.FindByEmailAsync(courriel).ConfigureAwait(false) is not null)
        {
            erreurs.Add(new ErreurRegle("", "EMAIL_TAKEN", $"Un compte existe déjà avec l'adresse {courriel} : rien n'a été créé.", "Courriel"));
        }

        if (nom.Length is 0 or > 100)
        {
            erreurs.Add(new ErreurRegle("", "NAME_REQUIRED", "Indiquez le nom (100 caractères au plus).", "Nom"));
        }

        if (prenoms.Length is 0 or > 150)
        {
            erreurs.Add(new ErreurRegle("", "FIRST_NAMES_REQUIRED", "Indiquez le ou les prénoms (150 caractères au plus).", "Prenoms"));
        }

        if (!RolesPersonnel.Tous.Contains(saisie.Role))
        {
            erreurs.Add(new ErreurRegle("", "ROLE_INVALID", "Choisissez le rôle : gestionnaire ou administrateur.", "Role"));
        }
        else if (saisie.Role == RolesPersonnel.Gestionnaire)
        {
            var connues = (await Personnel.AcademiesConnuesAsync(db, annulation).ConfigureAwait(false)).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
            if (academies.Count == 0)
            {
                erreurs.Add(new ErreurRegle("", "SCOPE_REQUIRED", "Un gestionnaire a au moins une académie : cochez ses académies.", "Academies"));
            }
            else if (academies.FirstOrDefault(a => !connues.Contains(a)) is { } inconnue)
            {
                erreurs.Add(new ErreurRegle("", "SCOPE_UNKNOWN", $"L'académie « {inconnue} » n'existe dans aucune session.", "Academies"));
            }
        }
        else
        {
            // An administrator sees every academy: a scope would mean nothing.
            academies = [];
        }

        if (erreurs.Count > 0)
        {
            return ResultatOperation.Echec<Invite>(erreurs);
        }

        await RolesPersonnel.CreerManquantsAsync(roles).ConfigureAwait(false);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        // The address is confirmed when the member uses the link sent to it (the invitation page).
        var compte = new Compte { UserName = courriel, Email = courriel, Nom = nom, Prenoms = prenoms, CreeLeUtc = maintenant };
        var strategie = db.Database.CreateExecutionStrategy();
        var erreurIdentite = await strategie.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false);
            var creation = await comptes.CreateAsync(compte).ConfigureAwait(false);
            if (!creation.Succeeded)
            {
                return creation;
            }

            var role = await comptes.AddToRoleAsync(compte, saisie.Role).ConfigureAwait(false);
            if (!role.Succeeded)
            {
                return role;
            }

            db.PerimetresGestionnaires.AddRange(academies.Select(a => new PerimetreGestionnaire { CompteId = compte.Id, CodeAcademie = a }));
            db.Journal.Add(Personnel.Entree(maintenant, acteurId, "compte.personnel.cree", compte.Id, null,
                $"{courriel} ; {prenoms} {nom} ; {saisie.Role} ; académies : {Personnel.DecrireAcademies(academies)}", adresse));
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            await transaction.CommitAsync(annulation).ConfigureAwait(false);
            return IdentityResult.Success;
        }).ConfigureAwait(false);
        if (!erreurIdentite.Succeeded)
        {
            db.ChangeTracker.Clear();
            return ResultatOperation.Echec<Invite>([.. erreurIdentite.Errors.Select(e => new ErreurRegle("", e.Code, e.Description, "Courriel"))]);
        }

        var envoye = await EnvoyerInvitationAsync(compte, origine, annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(new Invite(compte, envoye));
    }

    /// <summary>
    /// The invitation mail with its single-use link (a password-reset token: choosing the password changes the security
    /// stamp, so the link works once). Sent again by the administrator when it expired (tokens last one day).
    /// </summary>
    public async Task<bool> EnvoyerInvitationAsync(Compte compte, string origine, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(compte);
        var jeton = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await comptes.GeneratePasswordResetTokenAsync(compte).ConfigureAwait(false)));
        var lien = $"{origine}/gestion/invitation?id={Uri.EscapeDataString(compte.Id)}&code={jeton}";
        try
        {
            await courriels.EnvoyerAsync(new Courriel(compte.Email!, "Votre accès à la gestion des inscriptions – Examens", $"""
                Bonjour {compte.NomComplet},

                Un administrateur du service des examens vous a ouvert un accès à la gestion des inscriptions d'Examens.

                Pour choisir votre mot de passe (12 caractères au moins), ouvrez ce lien, valable une seule fois et pendant
                24 heures :

                {lien}

                À votre première connexion, vous associerez une application d'authentification (code à 6 chiffres) à votre
                compte : gardez votre téléphone à portée de main.

                Si vous n'attendiez pas ce message, ignorez-le et prévenez le service des examens.
                """), annulation).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // the account is created; the administrator is told the mail could not leave and can send it again.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            JournalEchec(journal, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Courriel d'invitation non envoyé ({Erreur}).")]
    private static partial void JournalEchec(ILogger journal, string erreur);
}
