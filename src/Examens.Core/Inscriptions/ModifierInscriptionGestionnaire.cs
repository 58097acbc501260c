using Examens.Core.Courriels;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Inscriptions;

/// <summary>
/// After the close only the exam office changes a registration, with a reason (P22): the change starts from the latest
/// version, is checked by the same rules engine as the candidate's (ControleInscription through VerifierBrouillon),
/// and makes a new numbered version authored by the officer. The candidate receives an e-mail; the trail keeps the
/// fields before and after. Once convocations are published nobody changes it (R60).
/// </summary>
public sealed class ModifierInscriptionGestionnaire(ExamensDbContext db, VerifierBrouillon verificateur, AvisCandidat avis, TimeProvider horloge)
{
    public sealed record Modification(VersionInscription Version, bool CourrielEnvoye);

    public async Task<ResultatOperation<Modification>> ExecuterAsync(
        string acteurId, bool administrateur, Guid inscriptionId, Func<DonneesInscription, DonneesInscription> modifier, string? motif, string? adresse,
        CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(modifier);
        var inscription = await ChargerInscription.DuPersonnelAsync(db, acteurId, administrateur, inscriptionId, annulation).ConfigureAwait(false);
        var compte = inscription is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == inscription.CandidatId, annulation).ConfigureAwait(false);
        if (inscription is null || compte is null)
        {
            return ResultatOperation.Echec<Modification>(new ErreurRegle("", "NOT_FOUND", "Inscription introuvable.", null));
        }

        var maintenant = horloge.GetUtcNow();
        var academie = inscription.AcademieSession;
        var refus = Refus(inscription, maintenant, motif ?? "");
        if (refus is not null)
        {
            return ResultatOperation.Echec<Modification>(refus);
        }

        var derniere = inscription.Versions.OrderByDescending(v => v.Numero).First();
        var contenuAvant = ChampsInscription.Relire(derniere)!;
        var donnees = modifier(contenuAvant.Donnees);
        // The window check is the candidate's: after the close the officer acts under P22, every other rule applies.
        var erreurs = verificateur.Verifier(compte, academie, donnees, maintenant).Erreurs.Where(e => e.Code != "SUBMITTED_AFTER_CLOSING").ToList();
        if (erreurs.Count > 0)
        {
            return ResultatOperation.Echec<Modification>(erreurs);
        }

        var contenu = SerialisationInscription.Ecrire(contenuAvant with { Donnees = donnees });
        var empreinte = SerialisationInscription.Empreinte(contenu);
        if (empreinte == derniere.Empreinte)
        {
            return ResultatOperation.Echec<Modification>(new ErreurRegle("P22", "NOTHING_CHANGED", "Rien n'a changé par rapport à la dernière version : aucune version n'est créée.", null));
        }

        var version = inscription.AjouterVersion(maintenant.UtcDateTime, contenu, empreinte,
            SerialisationInscription.CodeVerification(inscription.Numero, inscription.DerniereVersion + 1, empreinte), donnees, acteurId, motif!.Trim());
        // The draft follows, so the candidate's pages and the checklist show what now stands.
        inscription.Brouillon = SerialisationInscription.Ecrire(donnees);
        inscription.ModifieeLeUtc = maintenant.UtcDateTime;
        inscription.Revision++;
        SuiviPieces.Actualiser(inscription, compte, verificateur, maintenant);
        var (avant, apres) = ChampsInscription.Changements(ChampsInscription.Lister(contenuAvant), ChampsInscription.Lister(contenuAvant with { Donnees = donnees }));
        TraceInscription.Ajouter(db, maintenant, acteurId, "inscription.modifiee", TraceInscription.Cible(inscription.Id),
            $"version {derniere.Numero}\n{avant}", $"version {version.Numero}\n{apres}", version.Motif, adresse);
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return ResultatOperation.Echec<Modification>(EnregistrerBrouillon.ConflitDeRevision with
            {
                Message = "L'inscription a été modifiée entre-temps : rechargez la page, vérifiez la nouvelle version, puis recommencez.",
            });
        }

        var texte = $"""
            Bonjour,

            Le service des examens a modifié votre inscription n° {inscription.Numero} au {academie.Session.Libelle} ({academie.Nom}).

            Nouvelle version : {version.Numero}
            Motif : {version.Motif}

            Ce qui a changé :
            {apres}

            Vous pouvez consulter le détail et le journal de votre dossier dans votre espace candidat.

            Le service des examens
            """;
        var envoye = await avis.EnvoyerAsync(compte.Email, $"Modification de votre inscription {inscription.Numero} par le service des examens – version {version.Numero}", texte, annulation)
            .ConfigureAwait(false);
        return ResultatOperation.Succes(new Modification(version, envoye));
    }

    /// <summary>Why an officer may not change this registration now, or null (used by the page too, to say so before any input).</summary>
    public static ErreurRegle? Refus(Inscription inscription, DateTimeOffset maintenant, string? motif)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        var academie = inscription.AcademieSession;
        if (academie.Session.ConvocationsPubliees)
        {
            return new ErreurRegle("P22", "CONVOCATIONS_PUBLISHED",
                "Les convocations sont publiées : plus personne ne peut modifier cette inscription, pas même le service des examens (R60).", null);
        }

        if (academie.Fenetre.Position(maintenant) != PositionDansFenetre.Fermee)
        {
            return new ErreurRegle("P22", "WINDOW_OPEN",
                $"Les inscriptions sont ouvertes jusqu'au {Francais.DateHeure(academie.FermetureLocale)} : jusque-là, c'est le candidat qui modifie son inscription.", null);
        }

        if (inscription.Etat is not (EtatInscription.Soumise or EtatInscription.Ecartee))
        {
            return new ErreurRegle("P22", "NOT_SUBMITTED", "Seule une inscription soumise (ou écartée) peut être modifiée par le service des examens.", null);
        }

        if (motif is not null && ModificationInscription.Verifier(Acteur.Gestionnaire, maintenant, academie.Fenetre, false, motif) is { } refus)
        {
            return refus;
        }

        return motif is { Length: > 1000 }
            ? new ErreurRegle("P22", "REASON_TOO_LONG", "Le motif est trop long (1 000 caractères au plus).", "motif")
            : null;
    }
}
