using Examens.Core.Comptes;
using Examens.Core.Sessions;
using Examens.Domain.Catalogue;
using Examens.Domain.Common;
using Examens.Domain.Inscriptions;

namespace Examens.Core.Inscriptions;

/// <summary>
/// Asks the rules engine about a draft, exactly as the simulator does: every check the portal makes is the engine's.
/// Adds what only the portal knows: the identity must be complete, and the definitive choices confirmed.
/// </summary>
public sealed class VerifierBrouillon(CatalogueBts catalogue)
{
    public CatalogueBts Catalogue => catalogue;

    public VerificationInscription Verifier(Compte compte, AcademieSession academie, DonneesInscription d, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(compte);
        ArgumentNullException.ThrowIfNull(academie);
        ArgumentNullException.ThrowIfNull(d);
        var session = academie.Session;
        var (specialite, exacte) = string.IsNullOrWhiteSpace(d.Specialite) ? (null, true) : catalogue.Trouver(d.Specialite, session.Annee);
        var demande = new DemandeInscription
        {
            Instant = instant,
            Fenetre = academie.Fenetre,
            Session = session.Annee,
            DateDeliberation = session.DateDeliberation,
            Specialite = d.Specialite,
            Option = string.IsNullOrWhiteSpace(d.Option) ? null : d.Option,
            Forme = d.Forme ?? Domain.Regles.FormePassage.Globale,
            Candidat = d.Situation,
            LangueObligatoire = string.IsNullOrWhiteSpace(d.LangueObligatoire) ? null : d.LangueObligatoire,
            LanguesFacultatives = d.LanguesFacultatives,
            NotesAnterieures = [.. d.NotesAnterieures.Select(n => new NoteAnterieure(n.Unite, n.Note, n.Obtention, n.Choix, n.DetenueParExamens))],
            Dispenses = [.. d.Dispenses.Select(x => new DemandeDispense(x.Unite, x.NiveauDiplome))],
            UnitesFacultatives = d.UnitesFacultatives,
            UnitesAPasser = d.UnitesAPasser,
        };
        var v = ControleInscription.Verifier(demande, specialite, exacte, academie.Parametres);
        var erreurs = new List<ErreurRegle>(v.Erreurs);
        if (!compte.IdentiteComplete)
        {
            erreurs.Add(new("R68", "IDENTITY_INCOMPLETE", "Complétez votre identité (nom, prénoms, date et lieu de naissance) : elle sera imprimée sur le diplôme.", "identite"));
        }

        if (string.IsNullOrWhiteSpace(d.Adresse) || string.IsNullOrWhiteSpace(d.CodePostal) || string.IsNullOrWhiteSpace(d.Ville))
        {
            erreurs.Add(new("R68", "ADDRESS_INCOMPLETE", "Indiquez votre adresse postale complète : le relevé de notes et le diplôme y sont envoyés.", "adresse"));
        }

        if (string.IsNullOrWhiteSpace(d.Specialite))
        {
            erreurs.Add(new("R1", "SPECIALITY_MISSING", "Choisissez la spécialité de BTS.", "specialite"));
        }

        if (d.Forme is null)
        {
            erreurs.Add(new("R8", "FORM_MISSING", "Choisissez la forme de passage (globale ou progressive).", "forme"));
        }
        else if (!d.FormeConfirmee)
        {
            erreurs.Add(new("R11", "FORM_NOT_CONFIRMED", "Confirmez le choix de la forme de passage : il est définitif.", "forme"));
        }

        if (specialite is { Langues.Obligatoires.Count: > 1 } && string.IsNullOrWhiteSpace(d.LangueObligatoire))
        {
            erreurs.Add(new("R68", "MANDATORY_LANGUAGE_MISSING", "Choisissez la langue vivante de l'épreuve obligatoire.", "langueObligatoire"));
        }

        for (var i = 0; i < d.NotesAnterieures.Count; i++)
        {
            var n = d.NotesAnterieures[i];
            if (n.Choix == ChoixNote.Renoncement && !n.RenoncementConfirme)
            {
                erreurs.Add(new("R17", "RENUNCIATION_NOT_CONFIRMED",
                    $"Confirmez le renoncement à la note de {n.Unite} : il est définitif.", $"notes[{i}]"));
            }
        }

        return v with { Erreurs = erreurs };
    }
}
