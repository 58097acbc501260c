using System.Text.Json;
using Examens.Core.Comptes;
using Examens.Core.Documents.Confirmation;
using Examens.Domain.Common;
using Examens.Domain.Inscriptions;
using Examens.Domain.Regles;

namespace Examens.Core.Inscriptions;

/// <summary>
/// The confirmation d'inscription of a submitted version (R68): what that version froze, worded in French, with the
/// plan and the documents the engine derives from it and their state now.
/// </summary>
public sealed class ConstruireConfirmation(VerifierBrouillon verificateur)
{
    public byte[]? Generer(Inscription inscription, Compte compte)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        ArgumentNullException.ThrowIfNull(compte);
        var version = inscription.Versions.OrderByDescending(v => v.Numero).FirstOrDefault();
        if (version is null)
        {
            return null;
        }

        var contenu = JsonSerializer.Deserialize<ContenuVersion>(version.Contenu, SerialisationInscription.Options)!;
        var d = contenu.Donnees;
        var academie = inscription.AcademieSession;
        var instant = new DateTimeOffset(DateTime.SpecifyKind(version.SoumiseLeUtc, DateTimeKind.Utc));
        // The version was checked at its instant; recomputing the plan at that instant gives the same answer.
        var figee = new Compte { Nom = contenu.Nom, Prenoms = contenu.Prenoms, DateNaissance = contenu.DateNaissance, LieuNaissance = contenu.LieuNaissance };
        var verification = verificateur.Verifier(figee, academie, d, instant);
        var specialite = verificateur.Catalogue.Trouver(d.Specialite, academie.Session.Annee).Specialite;
        var option = d.Option is null ? null : specialite?.TrouverOption(d.Option);

        var donnees = new DonneesConfirmation
        {
            Session = academie.Session.Libelle,
            Academie = academie.Nom,
            NumeroInscription = inscription.Numero,
            Version = version.Numero,
            InstantLocal = TimeZoneInfo.ConvertTime(instant, academie.FuseauHoraire).DateTime,
            Fuseau = academie.Fuseau,
            CodeVerification = version.CodeVerification,
            Mode = academie.ModeConfirmation,
            Nom = contenu.Nom,
            Prenoms = contenu.Prenoms,
            DateNaissance = contenu.DateNaissance ?? default,
            LieuNaissance = contenu.LieuNaissance,
            Adresse = $"{d.Adresse}\n{d.CodePostal} {d.Ville}\n{d.Pays}",
            Courriel = contenu.Courriel,
            Telephone = string.IsNullOrWhiteSpace(d.Telephone) ? null : d.Telephone,
            Specialite = specialite is null ? d.Specialite : $"{specialite.Code} – {specialite.Nom}",
            Option = option is null ? null : $"{option.Code} – {option.Nom}",
            FormePassage = d.Forme == FormePassage.Progressive ? "progressive" : "globale",
            Statut = Statut(d.Statut),
            LangueObligatoire = d.LangueObligatoire,
            // R34, P19: optional Arabic is printed "arabe littéral".
            LanguesFacultatives = [.. d.LanguesFacultatives.Select(l => l.Equals("arabe", StringComparison.OrdinalIgnoreCase) ? "arabe (arabe littéral)" : l)],
            UnitesFacultatives = [.. d.UnitesFacultatives.Select(id => specialite?.Trouver(id) is { } u ? $"{u.Id} – {u.Nom}" : id)],
            Unites = [.. verification.Plan.Select(l => new LigneUniteConfirmation(l.Unite, l.Nom, StatutPlan(l, d)))],
            Pieces = [.. verification.Pieces.Select(p =>
            {
                var courante = inscription.Pieces.Where(x => x.Piece == p.Piece && x.Courante).OrderByDescending(x => x.DeposeeLeUtc).FirstOrDefault();
                return new PieceConfirmation(p.Piece.ToString(), p.Libelle, p.Elements ?? [], new LignePiece(p, courante).Etat);
            })],
        };
        return ConfirmationInscriptionPdf.Generer(donnees);
    }

    private static string StatutPlan(LignePlan l, DonneesInscription d)
    {
        var note = d.NotesAnterieures.FirstOrDefault(n => n.Unite == l.Unite);
        return l.Statut switch
        {
            Domain.Inscriptions.StatutPlan.APasser => note is { Choix: ChoixNote.Renoncement } ? "à présenter (renoncement à la note antérieure)" : "à présenter",
            Domain.Inscriptions.StatutPlan.Benefice => $"bénéfice : {Francais.Nombre(note!.Note)}/20 obtenu le {Francais.Date(note.Obtention)}, valable jusqu'au {Francais.Date(ValiditeDesNotes.DerniereDateUtilisable(note.Obtention))}",
            Domain.Inscriptions.StatutPlan.Report => $"report : {Francais.Nombre(note!.Note)}/20 obtenu le {Francais.Date(note.Obtention)}, valable jusqu'au {Francais.Date(ValiditeDesNotes.DerniereDateUtilisable(note.Obtention))}",
            Domain.Inscriptions.StatutPlan.Dispense => "dispense demandée",
            Domain.Inscriptions.StatutPlan.PasCetteSession => "pas à cette session",
        };
    }

    private static string Statut(StatutCandidat s) => s switch
    {
        StatutCandidat.Individuel => "candidat individuel",
        StatutCandidat.EnseignementADistance => "enseignement à distance",
        StatutCandidat.Apprenti => "apprenti",
        StatutCandidat.FormationProfessionnelleContinue => "formation professionnelle continue",
        StatutCandidat.CifPtp => "congé individuel de formation / projet de transition professionnelle",
    };
}
