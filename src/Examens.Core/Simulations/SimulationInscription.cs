using System.Text.Json;
using Examens.Core.Json;
using Examens.Domain.Catalogue;
using Examens.Domain.Common;
using Examens.Domain.Inscriptions;
using Examens.Domain.Pieces;
using Examens.Domain.Regles;

namespace Examens.Core.Simulations;

/// <summary>
/// The registration-check simulator of simulation-api.md §2: the project's catalogue and document table, the same
/// checks as the portal (<see cref="ControleInscription"/>). Nothing is stored.
/// </summary>
public sealed class SimulationInscription(CatalogueBts catalogue)
{
    private static readonly Dictionary<string, StatutCandidat> Statuts = new(StringComparer.Ordinal)
    {
        ["individual"] = StatutCandidat.Individuel,
        ["distance-learning"] = StatutCandidat.EnseignementADistance,
        ["apprentice"] = StatutCandidat.Apprenti,
        ["continuing-education"] = StatutCandidat.FormationProfessionnelleContinue,
        ["cif-ptp"] = StatutCandidat.CifPtp,
    };

    private static readonly Dictionary<string, ChoixNote> Choix = new(StringComparer.Ordinal)
    {
        ["keep"] = ChoixNote.Benefice,
        ["carry"] = ChoixNote.Report,
        ["renounce"] = ChoixNote.Renoncement,
    };

    public ResultatSimulation Executer(ReadOnlyMemory<byte> entree)
    {
        using var document = LecteurJsonStrict.Analyser(entree, out var illisible);
        if (document is null)
        {
            return Echec(IssueSimulation.Illisible, [illisible!]);
        }

        var l = new LecteurJsonStrict();
        var r = document.RootElement;
        if (!l.Objet(r, "", "submittedAt", "window", "sessionYear", "referenceDate", "speciality", "option", "form", "candidate",
                "languages", "priorGrades", "exemptions", "optionalUnits", "unitsToSit"))
        {
            return Echec(IssueSimulation.Invalide, l.Erreurs);
        }

        var instant = l.Instant(r, "", "submittedAt", true, "P12");
        var fenetre = LireFenetre(l, r);
        var session = l.Entier(r, "", "sessionYear", true, "R56", 2000, 2100);
        var dateDeliberation = l.Date(r, "", "referenceDate", true, "P1");
        var specialite = l.Chaine(r, "", "speciality", true, "R1", 20);
        var option = l.Chaine(r, "", "option", false, "R1", 20);
        var forme = l.Enumeration(r, "", "form", true, "R8", SimulationDeliberation.Formes);
        var candidat = LireCandidat(l, r);
        var (langueObligatoire, languesFacultatives) = LireLangues(l, r);
        var notes = LireNotes(l, r);
        var dispenses = LireDispenses(l, r);
        var facultatives = l.ListeDeChaines(r, "", "optionalUnits", "R30", 10);
        var aPasser = l.ListeDeChaines(r, "", "unitsToSit", "P16", 60);

        if (session is null || dateDeliberation is null || specialite is null || forme is null || candidat is null
            || (l.EnErreur && !l.Erreurs.All(e => e.Chemin is "submittedAt" or "window" || e.Chemin?.StartsWith("window.", StringComparison.Ordinal) == true)))
        {
            return Echec(IssueSimulation.Invalide, l.Erreurs);
        }

        // Only the window or the instant could not be read (P12): the rest is checked as if the registration were on
        // time, so that the documents and the plan are still given (simulation-api.md), beside the reading errors.
        var lisible = !l.EnErreur && instant is not null && fenetre is not null;
        var moment = instant ?? fenetre?.Ouverture ?? new DateTimeOffset(session.Value - 1, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var demande = new DemandeInscription
        {
            Instant = moment,
            Fenetre = lisible ? fenetre! : FenetreInscription.Creer(moment.UtcDateTime.AddDays(-1), moment.UtcDateTime.AddDays(1), TimeZoneInfo.Utc)!,
            Session = session.Value,
            DateDeliberation = dateDeliberation.Value,
            Specialite = specialite,
            Option = option,
            Forme = forme.Value,
            Candidat = candidat,
            LangueObligatoire = langueObligatoire,
            LanguesFacultatives = languesFacultatives,
            NotesAnterieures = notes,
            Dispenses = dispenses,
            UnitesFacultatives = facultatives,
            UnitesAPasser = aPasser,
        };
        var (trouvee, exacte) = catalogue.Trouver(specialite, session.Value);
        var verification = ControleInscription.Verifier(demande, trouvee, exacte, ParametresSession.ParDefaut(session.Value));
        IReadOnlyList<ErreurRegle> erreurs = lisible ? verification.Erreurs : [.. l.Erreurs, .. verification.Erreurs];
        var json = Ecrire(erreurs, verification.Avis, verification.Pieces, verification.Plan);
        return new ResultatSimulation(erreurs.Count == 0 ? IssueSimulation.Valide : IssueSimulation.Invalide, json,
            EcritureJson.Resume(erreurs));
    }

    private static FenetreInscription? LireFenetre(LecteurJsonStrict l, JsonElement r)
    {
        if (l.Propriete(r, "", "window", true, "P12") is not { } w || !l.Objet(w, "window", "opensAt", "closesAt", "timeZone"))
        {
            return null;
        }

        var ouverture = l.DateHeureLocale(w, "window", "opensAt", true, "P12");
        var fermeture = l.DateHeureLocale(w, "window", "closesAt", true, "P12");
        var zone = l.Chaine(w, "window", "timeZone", true, "P12", 64);
        TimeZoneInfo? fuseau = null;
        if (zone is not null && !(zone.Contains('/', StringComparison.Ordinal) || zone == "UTC")
            || zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out fuseau))
        {
            l.Erreur("P12", "UNKNOWN_TIME_ZONE",
                $"« {zone} » n'est pas un fuseau horaire IANA connu (par exemple Europe/Paris, America/Martinique, Indian/Reunion).",
                "window.timeZone");
            return null;
        }

        if (ouverture is null || fermeture is null || fuseau is null)
        {
            return null;
        }

        var fenetre = FenetreInscription.Creer(ouverture.Value, fermeture.Value, fuseau);
        if (fenetre is null)
        {
            l.Erreur("P12", "WINDOW_INVALID", "La fermeture des inscriptions doit être postérieure à leur ouverture.", "window.closesAt");
        }

        return fenetre;
    }

    private static SituationCandidat? LireCandidat(LecteurJsonStrict l, JsonElement r)
    {
        const string C = "candidate";
        if (l.Propriete(r, "", C, true, "R46") is not { } c
            || !l.Objet(c, C, "status", "exStudent", "exApprentice", "repeater", "adaptedTraining", "professionalisationContractBroken", "previousForm"))
        {
            return null;
        }

        var statut = l.Enumeration(c, C, "status", true, "R46", Statuts);
        var situation = new SituationCandidat
        {
            Statut = statut ?? StatutCandidat.Individuel,
            ExScolaire = l.Booleen(c, C, "exStudent", false, "R10") ?? false,
            ExApprenti = l.Booleen(c, C, "exApprentice", false, "R10") ?? false,
            Redoublant = l.Booleen(c, C, "repeater", false, "D4") ?? false,
            FormationAmenagee = l.Booleen(c, C, "adaptedTraining", false, "D10") ?? false,
            ContratProfessionnalisationRompu = l.Booleen(c, C, "professionalisationContractBroken", false, "D8") ?? false,
            FormePrecedente = l.Enumeration(c, C, "previousForm", false, "R11", SimulationDeliberation.Formes),
        };
        return statut is null ? null : situation;
    }

    private static (string? Obligatoire, List<string> Facultatives) LireLangues(LecteurJsonStrict l, JsonElement r)
    {
        if (l.Propriete(r, "", "languages", false, "R36") is not { } e || !l.Objet(e, "languages", "mandatory", "optional"))
        {
            return (null, []);
        }

        return (l.Chaine(e, "languages", "mandatory", false, "R36", 40), l.ListeDeChaines(e, "languages", "optional", "R36", 5));
    }

    private static List<NoteAnterieure> LireNotes(LecteurJsonStrict l, JsonElement r)
    {
        var notes = new List<NoteAnterieure>();
        var elements = l.Tableau(r, "", "priorGrades", false, "R15", 60);
        for (var i = 0; i < elements.Count; i++)
        {
            var chemin = $"priorGrades[{i}]";
            if (!l.Objet(elements[i], chemin, "unit", "grade", "obtainedOn", "choice"))
            {
                continue;
            }

            var unite = l.Chaine(elements[i], chemin, "unit", true, "R3", 20);
            var note = l.Nombre(elements[i], chemin, "grade", true, "P7");
            var obtention = l.Date(elements[i], chemin, "obtainedOn", true, "P1");
            var choix = l.Enumeration(elements[i], chemin, "choice", true, "R17", Choix);
            if (unite is not null && note is not null && obtention is not null && choix is not null)
            {
                notes.Add(new NoteAnterieure(unite, note.Value, obtention.Value, choix.Value));
            }
        }

        return notes;
    }

    private static List<DemandeDispense> LireDispenses(LecteurJsonStrict l, JsonElement r)
    {
        var dispenses = new List<DemandeDispense>();
        var elements = l.Tableau(r, "", "exemptions", false, "R23", 60);
        for (var i = 0; i < elements.Count; i++)
        {
            var chemin = $"exemptions[{i}]";
            if (!l.Objet(elements[i], chemin, "unit", "diplomaLevel"))
            {
                continue;
            }

            var unite = l.Chaine(elements[i], chemin, "unit", true, "R3", 20);
            var niveau = l.Entier(elements[i], chemin, "diplomaLevel", true, "R23", 1, 8);
            if (unite is not null && niveau is not null)
            {
                dispenses.Add(new DemandeDispense(unite, niveau.Value));
            }
        }

        return dispenses;
    }

    private static ResultatSimulation Echec(IssueSimulation issue, IReadOnlyList<ErreurRegle> erreurs) =>
        new(issue, Ecrire(erreurs, [], [], []), EcritureJson.Resume(erreurs));

    private static byte[] Ecrire(IReadOnlyList<ErreurRegle> erreurs, IReadOnlyList<Avis> avis, IReadOnlyList<PieceDemandee> pieces, IReadOnlyList<LignePlan> plan) =>
        EcritureJson.Ecrire(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("valid", erreurs.Count == 0);
            EcritureJson.Erreurs(w, erreurs);
            w.WriteStartArray("notices");
            foreach (var a in avis)
            {
                w.WriteStartObject();
                w.WriteString("rule", a.Regle);
                w.WriteString("code", a.Code);
                w.WriteString("message", a.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("documents");
            foreach (var p in pieces)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Piece.ToString());
                w.WriteString("label", p.Libelle);
                if (p.Elements is { } elements)
                {
                    w.WriteStartArray("items");
                    foreach (var e in elements)
                    {
                        w.WriteStringValue(e);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("plan");
            foreach (var ligne in plan)
            {
                w.WriteStartObject();
                w.WriteString("unit", ligne.Unite);
                w.WriteString("status", ligne.Statut switch
                {
                    StatutPlan.APasser => "sit",
                    StatutPlan.Benefice => "kept",
                    StatutPlan.Report => "carried",
                    StatutPlan.Dispense => "exempted",
                    StatutPlan.PasCetteSession => "not-this-session",
                });
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
