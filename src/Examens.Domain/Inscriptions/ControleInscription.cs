using Examens.Domain.Catalogue;
using Examens.Domain.Common;
using Examens.Domain.Deliberations;
using Examens.Domain.Pieces;
using Examens.Domain.Regles;

namespace Examens.Domain.Inscriptions;

/// <summary>
/// Every check a registration goes through, the same for the simulator, the portal and the back-office:
/// window (P12), speciality and option (R1), form (R10, R11, P15), earlier grades (R14–R18, P1–P3), exemptions
/// (R23–R25, P18), optional units and languages (R30–R36, P14, P19), units sat this session (P16, P17), and the
/// documents to upload (D1–D13). Paths follow the simulators' contract.
/// </summary>
public static class ControleInscription
{
    public const int NiveauDiplomeMinimum = 5;

    public static VerificationInscription Verifier(
        DemandeInscription demande,
        Specialite? specialite,
        bool catalogueDeLaSession,
        ParametresSession parametres)
    {
        ArgumentNullException.ThrowIfNull(demande);
        ArgumentNullException.ThrowIfNull(parametres);
        var c = new Contexte(demande, specialite, parametres);

        VerifierFenetre(c);
        VerifierSpecialite(c, catalogueDeLaSession);
        VerifierForme(c);
        VerifierNotesAnterieures(c);
        VerifierDispenses(c);
        VerifierUnitesFacultativesEtLangues(c);
        var plan = EtablirPlan(c);

        var conservation = demande.NotesAnterieures.Any(n => n.Choix != ChoixNote.Renoncement && !n.DetenueParExamens);
        var pieces = TableDesPieces.Determiner(demande.Candidat, specialite, conservation, demande.Dispenses.Count > 0, parametres);
        return new VerificationInscription(c.Erreurs, c.Avis, pieces, plan);
    }

    private sealed class Contexte(DemandeInscription demande, Specialite? specialite, ParametresSession parametres)
    {
        public DemandeInscription Demande { get; } = demande;

        public Specialite? Specialite { get; } = specialite;

        public ParametresSession Parametres { get; } = parametres;

        public List<ErreurRegle> Erreurs { get; } = [];

        public List<Avis> Avis { get; } = [];

        /// <summary>The option the units are chosen for; null when the speciality has none or it is not valid.</summary>
        public string? Option { get; set; }

        public bool CatalogueIncomplet => Specialite is { Complete: false };

        public void Erreur(string regle, string code, string message, string? chemin) =>
            Erreurs.Add(new ErreurRegle(regle, code, message, chemin));

        /// <summary>
        /// Finds a unit of the speciality. An unknown unit is an error, except in a speciality whose catalogue is
        /// incomplete, where it is only flagged: the règlement may have it.
        /// </summary>
        public Unite? Unite(string id, string chemin)
        {
            if (Specialite is null)
            {
                return null;
            }

            var unite = Specialite.Trouver(id);
            if (unite is not null && unite.ConcerneOption(Option))
            {
                return unite;
            }

            if (CatalogueIncomplet)
            {
                Avis.Add(new("R3", "UNIT_NOT_IN_CATALOGUE",
                    $"L'unité {id} ne figure pas dans le catalogue, incomplet, de la spécialité {Specialite.Code} : le service des examens la vérifiera."));
            }
            else
            {
                Erreur("R3", "UNKNOWN_UNIT",
                    $"La spécialité {Specialite.Code}{(Option is null ? "" : $" option {Option}")} n'a pas d'unité {id}.", chemin);
            }

            return null;
        }
    }

    private static void VerifierFenetre(Contexte c)
    {
        var fenetre = c.Demande.Fenetre;
        if (fenetre is null)
        {
            return;
        }

        switch (fenetre.Position(c.Demande.Instant))
        {
            case PositionDansFenetre.AvantOuverture:
                c.Erreur("P12", "SUBMITTED_BEFORE_OPENING",
                    $"Les inscriptions n'ouvrent que le {Francais.DateHeure(fenetre.OuvertureLocale)} (heure locale, {fenetre.Fuseau.Id}) ; la demande est arrivée le {Francais.DateHeure(fenetre.EnHeureLocale(c.Demande.Instant))}.",
                    "submittedAt");
                break;
            case PositionDansFenetre.Fermee:
                c.Erreur("P12", "SUBMITTED_AFTER_CLOSING",
                    $"Les inscriptions ont fermé le {Francais.DateHeure(fenetre.FermetureLocale)} précises (heure locale, {fenetre.Fuseau.Id}) ; la demande est arrivée le {Francais.DateHeure(fenetre.EnHeureLocale(c.Demande.Instant))}, trop tard.",
                    "submittedAt");
                break;
            case PositionDansFenetre.Ouverte:
                break;
        }
    }

    private static void VerifierSpecialite(Contexte c, bool catalogueDeLaSession)
    {
        var s = c.Specialite;
        if (s is null)
        {
            c.Erreur("R1", "UNKNOWN_SPECIALITY",
                $"La spécialité « {c.Demande.Specialite} » n'existe pas dans le catalogue des BTS.", "speciality");
            return;
        }

        if (!catalogueDeLaSession)
        {
            c.Avis.Add(new("R1", "CATALOGUE_FROM_OTHER_SESSION",
                $"Le règlement de la spécialité {s.Code} n'est pas encore chargé pour la session {c.Demande.Session} : celui de la session {s.Session} est utilisé."));
        }

        if (!s.Complete)
        {
            c.Avis.Add(new("R1", "CATALOGUE_INCOMPLETE",
                $"Le règlement d'examen de la spécialité {s.Code} n'est connu qu'en partie : {s.NoteIncomplete ?? "certaines valeurs manquent"}"));
        }

        var option = c.Demande.Option;
        if (s.Options.Count == 0)
        {
            if (!string.IsNullOrWhiteSpace(option))
            {
                c.Erreur("R1", "UNKNOWN_OPTION", $"La spécialité {s.Code} n'a pas d'option (reçu : « {option} »).", "option");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(option))
        {
            c.Erreur("R1", "OPTION_REQUIRED",
                $"La spécialité {s.Code} se passe dans une option : {string.Join(", ", s.Options.Select(o => $"{o.Code} ({o.Nom})"))}.",
                "option");
            return;
        }

        var trouvee = s.TrouverOption(option);
        if (trouvee is null)
        {
            c.Erreur("R1", "UNKNOWN_OPTION",
                $"La spécialité {s.Code} n'a pas d'option « {option} » ; options possibles : {string.Join(", ", s.Options.Select(o => o.Code))}.",
                "option");
            return;
        }

        c.Option = trouvee.Code;
    }

    private static void VerifierForme(Contexte c)
    {
        var candidat = c.Demande.Candidat;
        var forme = c.Demande.Forme;
        // R10, P15 (D643-22 para. 1): ex-scolaires, ex-apprentis and the apprenticeship route take the global form.
        if (forme == FormePassage.Progressive
            && (candidat.ExScolaire || candidat.ExApprenti || candidat.Statut == StatutCandidat.Apprenti))
        {
            var qui = candidat.ExScolaire ? "ex-scolaires" : candidat.ExApprenti ? "ex-apprentis" : "apprentis";
            c.Erreur("R10", "GLOBAL_FORM_REQUIRED",
                $"La forme globale est obligatoire pour les candidats {qui} : la forme progressive n'est pas possible.", "form");
        }

        // R11, P15: the form chosen for a speciality is definitive for the whole training.
        if (candidat.FormePrecedente is { } precedente && precedente != forme)
        {
            c.Erreur("R11", "FORM_CHANGED",
                $"Le choix de la forme de passage est définitif : inscrit auparavant en forme {Nom(precedente)}, le candidat ne peut pas passer en forme {Nom(forme)}.",
                "form");
        }
    }

    private static void VerifierNotesAnterieures(Contexte c)
    {
        var d = c.Demande;
        var derniereDatePossible = DateOnly.FromDateTime(d.Instant.UtcDateTime) < d.DateDeliberation
            ? DateOnly.FromDateTime(d.Instant.UtcDateTime)
            : d.DateDeliberation;
        var vues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.NotesAnterieures.Count; i++)
        {
            var n = d.NotesAnterieures[i];
            var chemin = $"priorGrades[{i}]";
            if (!vues.Add(n.Unite))
            {
                c.Erreur("R4", "DUPLICATE_PRIOR_GRADE", $"L'unité {n.Unite} est déclarée deux fois dans les notes antérieures.", $"{chemin}.unit");
            }

            var unite = c.Unite(n.Unite, $"{chemin}.unit");
            if (unite is { EstUnite: false })
            {
                c.Erreur("R18", "PARENT_EPREUVE_NOT_KEEPABLE",
                    $"« {unite.Id} » est une épreuve qui n'est pas une unité : seules les notes de ses sous-épreuves ({SousUnites(c, unite)}) se conservent.",
                    $"{chemin}.unit");
            }

            VerificationDeliberation.VerifierNote(n.Unite, n.Note, $"{chemin}.grade", c.Erreurs);
            if (n.Choix == ChoixNote.Renoncement)
            {
                c.Avis.Add(new("R17", "RENUNCIATION_IS_DEFINITIVE",
                    $"Le renoncement à la note de {Francais.Nombre(n.Note)} en {n.Unite} est définitif : l'unité devra être repassée et seule la nouvelle note comptera, même plus basse (P2)."));
                continue;
            }

            if (n.Choix == ChoixNote.Benefice && n.Note < 10m)
            {
                c.Erreur("R15", "KEPT_GRADE_BELOW_10",
                    $"L'unité {n.Unite} : seule une note égale ou supérieure à 10 peut être conservée en bénéfice (reçu : {Francais.Nombre(n.Note)}).",
                    $"{chemin}.grade");
            }

            if (n.Choix == ChoixNote.Report)
            {
                if (n.Note >= 10m)
                {
                    c.Erreur("R16", "CARRIED_GRADE_10_OR_MORE",
                        $"L'unité {n.Unite} : le report ne concerne que les notes inférieures à 10 ; une note de {Francais.Nombre(n.Note)} se conserve en bénéfice.",
                        $"{chemin}.grade");
                }

                if (d.Forme == FormePassage.Globale)
                {
                    c.Erreur("R16", "CARRY_IN_GLOBAL_FORM",
                        $"L'unité {n.Unite} : le report d'une note inférieure à 10 n'existe qu'en forme progressive (P3).",
                        $"{chemin}.choice");
                }
            }

            if (n.Obtention > derniereDatePossible)
            {
                c.Erreur("P1", "OBTAINED_IN_THE_FUTURE",
                    $"L'unité {n.Unite} : une note antérieure ne peut pas avoir été obtenue le {Francais.Date(n.Obtention)}.",
                    $"{chemin}.obtainedOn");
            }
            else if (!ValiditeDesNotes.EstUtilisableA(n.Obtention, d.DateDeliberation))
            {
                c.Erreur("R14", "PRIOR_GRADE_EXPIRED",
                    $"L'unité {n.Unite} : la note obtenue le {Francais.Date(n.Obtention)} n'est valable que cinq ans, jusqu'à la délibération du {Francais.Date(ValiditeDesNotes.DerniereDateUtilisable(n.Obtention))} ; elle ne peut plus servir à la session du {Francais.Date(d.DateDeliberation)} (P1).",
                    $"{chemin}.obtainedOn");
            }

            if (d.RenoncementsAnterieurs.Any(r => string.Equals(r.Unite, n.Unite, StringComparison.OrdinalIgnoreCase) && r.Obtention == n.Obtention))
            {
                c.Erreur("P2", "GRADE_RENOUNCED",
                    $"L'unité {n.Unite} : le candidat a renoncé à cette note lors d'une inscription précédente ; ce renoncement est définitif (R17).",
                    $"{chemin}.choice");
            }
        }
    }

    private static void VerifierDispenses(Contexte c)
    {
        var d = c.Demande;
        var vues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.Dispenses.Count; i++)
        {
            var dispense = d.Dispenses[i];
            var chemin = $"exemptions[{i}]";
            if (!vues.Add(dispense.Unite))
            {
                c.Erreur("R23", "DUPLICATE_EXEMPTION", $"La dispense de l'unité {dispense.Unite} est demandée deux fois.", $"{chemin}.unit");
            }

            if (dispense.NiveauDiplome < NiveauDiplomeMinimum)
            {
                c.Erreur("R23", "EXEMPTION_DIPLOMA_LEVEL",
                    $"Une dispense d'unité n'est accordée qu'aux titulaires d'un diplôme national de niveau 5 ou supérieur (niveau déclaré : {dispense.NiveauDiplome}).",
                    $"{chemin}.diplomaLevel");
            }

            if (d.NotesAnterieures.Any(n => n.Choix != ChoixNote.Renoncement && string.Equals(n.Unite, dispense.Unite, StringComparison.OrdinalIgnoreCase)))
            {
                c.Erreur("R23", "EXEMPTION_AND_PRIOR_GRADE",
                    $"L'unité {dispense.Unite} ne peut pas être à la fois dispensée et conservée d'une session antérieure : choisissez l'un ou l'autre.",
                    $"{chemin}.unit");
            }

            var unite = c.Unite(dispense.Unite, $"{chemin}.unit");
            if (unite is null)
            {
                continue;
            }

            if (!unite.EstUnite)
            {
                c.Erreur("R18", "NOT_A_UNIT",
                    $"« {unite.Id} » est une épreuve qui n'est pas une unité : la dispense se demande par sous-épreuve ({SousUnites(c, unite)}).",
                    $"{chemin}.unit");
            }
            else if (unite.Professionnelle == true)
            {
                c.Erreur("R24", "EXEMPTION_PROFESSIONAL_UNIT",
                    $"L'unité {unite.Id} ({unite.Nom}) est une épreuve professionnelle : elle ne peut jamais faire l'objet d'une dispense.",
                    $"{chemin}.unit");
            }
            else if (!unite.Dispensable)
            {
                c.Erreur("P18", "EXEMPTION_NOT_PROVIDED",
                    $"Le règlement de la spécialité ne prévoit pas de dispense pour l'unité {unite.Id} ({unite.Nom}).",
                    $"{chemin}.unit");
            }
        }
    }

    private static void VerifierUnitesFacultativesEtLangues(Contexte c)
    {
        var d = c.Demande;
        var s = c.Specialite;
        var choisies = new List<Unite>();
        var vues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.UnitesFacultatives.Count; i++)
        {
            var id = d.UnitesFacultatives[i];
            var chemin = $"optionalUnits[{i}]";
            if (!vues.Add(id))
            {
                c.Erreur("R30", "DUPLICATE_OPTIONAL_UNIT", $"L'unité facultative {id} est choisie deux fois.", chemin);
                continue;
            }

            var unite = c.Unite(id, chemin);
            if (unite is null)
            {
                continue;
            }

            if (!unite.Facultative)
            {
                c.Erreur("R30", "NOT_AN_OPTIONAL_UNIT", $"L'unité {unite.Id} ({unite.Nom}) n'est pas une unité facultative.", chemin);
                continue;
            }

            choisies.Add(unite);
        }

        // Languages (R36): the compulsory one among those offered; each optional language is the language of an
        // optional language unit, different from the compulsory one.
        var langues = s?.Langues ?? LanguesOffertes.Aucune;
        if (d.LangueObligatoire is { } obligatoire)
        {
            if (s is not null && langues.Obligatoires.Count > 0 && !LanguesOffertes.Contient(langues.Obligatoires, obligatoire))
            {
                c.Erreur("R36", "LANGUAGE_NOT_OFFERED",
                    $"La langue « {obligatoire} » n'est pas proposée pour l'épreuve obligatoire de langue de la spécialité {s.Code} : {string.Join(", ", langues.Obligatoires)}.",
                    "languages.mandatory");
            }
        }
        else if (langues.Obligatoires.Count > 1)
        {
            // Not blocking here: the portal asks for it before submission; the confirmation must show it (R68).
            c.Avis.Add(new("R68", "MANDATORY_LANGUAGE_TO_CHOOSE",
                $"La langue vivante de l'épreuve obligatoire reste à choisir : {string.Join(", ", langues.Obligatoires)}."));
        }

        var languesVues = new List<string>();
        for (var i = 0; i < d.LanguesFacultatives.Count; i++)
        {
            var langue = d.LanguesFacultatives[i];
            var chemin = $"languages.optional[{i}]";
            if (LanguesOffertes.Contient(languesVues, langue))
            {
                c.Erreur("R36", "DUPLICATE_OPTIONAL_LANGUAGE", $"La langue facultative « {langue} » est choisie deux fois.", chemin);
                continue;
            }

            languesVues.Add(langue);
            if (d.LangueObligatoire is { } lo && LanguesOffertes.Identiques(lo, langue))
            {
                c.Erreur("R36", "OPTIONAL_LANGUAGE_SAME_AS_MANDATORY",
                    $"La langue facultative doit être différente de la langue de l'épreuve obligatoire ({lo}).", chemin);
            }
            else if (s is not null && langues.Facultatives.Count > 0 && !LanguesOffertes.Contient(langues.Facultatives, langue))
            {
                c.Erreur("R36", "LANGUAGE_NOT_OFFERED",
                    $"La langue « {langue} » n'est pas proposée en épreuve facultative pour la spécialité {s.Code}.", chemin);
            }

            // R34, P19: optional Arabic is examined in literary Arabic only.
            if (LanguesOffertes.Identiques(langue, "arabe"))
            {
                c.Avis.Add(new("R34", "ARABIC_LITERAL_ONLY",
                    "L'épreuve facultative d'arabe se passe en arabe littéral ; aucune forme d'arabe dialectal n'est autorisée (note de service 2002-241)."));
            }
        }

        if (s is not null)
        {
            var unitesDeLangue = choisies.Count(u => u.Langue);
            if (languesVues.Count > 0 && unitesDeLangue == 0)
            {
                var implicite = s.UnitesFacultatives(c.Option).FirstOrDefault(u => u.Langue);
                if (implicite is null && c.CatalogueIncomplet)
                {
                    // R1, R33: the speciality's optional units are not known; as for any unit missing from an
                    // incomplete catalogue, the exam office checks it, the candidate is not refused.
                    c.Avis.Add(new("R33", "OPTIONAL_LANGUAGE_UNIT_NOT_IN_CATALOGUE",
                        $"L'épreuve facultative de langue vivante ne figure pas dans le catalogue, incomplet, de la spécialité {s.Code} : le service des examens la vérifiera."));
                }
                else if (implicite is null)
                {
                    c.Erreur("R33", "OPTIONAL_LANGUAGE_NOT_OFFERED",
                        $"La spécialité {s.Code} ne propose pas d'épreuve facultative de langue vivante.", "languages.optional");
                }
                else
                {
                    choisies.Add(implicite);
                    c.Avis.Add(new("R33", "OPTIONAL_LANGUAGE_UNIT_ADDED",
                        $"Une langue facultative a été choisie : l'unité facultative {implicite.Id} ({implicite.Nom}) est ajoutée à l'inscription."));
                }
            }
            else if (languesVues.Count > unitesDeLangue)
            {
                c.Erreur("R30", "TOO_MANY_OPTIONAL_LANGUAGES",
                    $"{languesVues.Count} langues facultatives pour {unitesDeLangue} unité(s) facultative(s) de langue.", "languages.optional");
            }
            else if (languesVues.Count < unitesDeLangue)
            {
                c.Avis.Add(new("R68", "OPTIONAL_LANGUAGE_TO_CHOOSE",
                    "La langue de l'épreuve facultative de langue vivante reste à indiquer ; elle figurera sur la confirmation d'inscription."));
            }
        }

        // R30, P14: a limited number of optional units, engagement étudiant aside.
        var comptees = choisies.Count(u => !u.EngagementEtudiant);
        if (comptees > c.Parametres.MaxUnitesFacultatives)
        {
            c.Erreur("R30", "TOO_MANY_OPTIONAL_UNITS",
                $"Au plus {c.Parametres.MaxUnitesFacultatives} unité(s) facultative(s) à la session {d.Session}, en plus de l'engagement étudiant (P14) ; {comptees} choisie(s).",
                "optionalUnits");
        }
    }

    private static List<LignePlan> EtablirPlan(Contexte c)
    {
        var d = c.Demande;
        var plan = new List<LignePlan>();
        if (c.Specialite is null)
        {
            return plan;
        }

        var obligatoires = c.Specialite.UnitesObligatoires(c.Option).ToList();
        var aPasserDemandees = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (d.Forme == FormePassage.Progressive)
        {
            for (var i = 0; i < d.UnitesAPasser.Count; i++)
            {
                var id = d.UnitesAPasser[i];
                var chemin = $"unitsToSit[{i}]";
                if (!aPasserDemandees.Add(id))
                {
                    c.Erreur("P16", "DUPLICATE_UNIT_TO_SIT", $"L'unité {id} est choisie deux fois.", chemin);
                    continue;
                }

                var unite = c.Unite(id, chemin);
                if (unite is { EstUnite: false })
                {
                    c.Erreur("R18", "NOT_A_UNIT",
                        $"« {unite.Id} » est une épreuve qui n'est pas une unité : choisissez ses sous-épreuves ({SousUnites(c, unite)}).", chemin);
                }
                else if (unite is { Facultative: true })
                {
                    c.Erreur("P16", "OPTIONAL_UNIT_IN_UNITS_TO_SIT",
                        $"L'unité {unite.Id} est facultative : elle se choisit parmi les unités facultatives.", chemin);
                }
            }
        }

        var sansUniteAPasser = true;
        foreach (var unite in obligatoires)
        {
            var statut = StatutDe(c, unite, aPasserDemandees);
            sansUniteAPasser &= statut != StatutPlan.APasser;
            plan.Add(new LignePlan(unite.Id, unite.Nom, statut));
        }

        // P16: a progressive candidate sits at least one unit each session. Where the catalogue knows none of the
        // speciality's units (R1, incomplete), the units named are the only ones the check can count.
        if (d.Forme == FormePassage.Progressive && (obligatoires.Count > 0 ? sansUniteAPasser : aPasserDemandees.Count == 0))
        {
            c.Erreur("P16", "NO_UNIT_TO_SIT",
                "En forme progressive, le candidat présente au moins une unité à chaque session : choisissez les unités passées cette session.",
                "unitsToSit");
        }

        return plan;
    }

    private static StatutPlan StatutDe(Contexte c, Unite unite, HashSet<string> aPasserDemandees)
    {
        var d = c.Demande;
        var dispensee = d.Dispenses.Any(x => string.Equals(x.Unite, unite.Id, StringComparison.OrdinalIgnoreCase));
        var note = d.NotesAnterieures.FirstOrDefault(n => string.Equals(n.Unite, unite.Id, StringComparison.OrdinalIgnoreCase));
        var demandee = aPasserDemandees.Contains(unite.Id);
        var indexDemande = IndexDe(d.UnitesAPasser, unite.Id);

        StatutPlan statut;
        if (dispensee)
        {
            statut = StatutPlan.Dispense;
            if (demandee)
            {
                c.Erreur("P16", "SITTING_EXEMPTED_UNIT",
                    $"L'unité {unite.Id} fait l'objet d'une dispense : elle ne peut pas être présentée.", $"unitsToSit[{indexDemande}]");
            }
        }
        else if (note is { Choix: ChoixNote.Benefice })
        {
            statut = StatutPlan.Benefice;
            if (demandee)
            {
                c.Erreur("P16", "SITTING_KEPT_UNIT",
                    $"L'unité {unite.Id} est conservée en bénéfice : pour la repasser, il faut d'abord renoncer à la note (définitif).",
                    $"unitsToSit[{indexDemande}]");
            }
        }
        else if (note is { Choix: ChoixNote.Report })
        {
            statut = StatutPlan.Report;
            if (demandee)
            {
                c.Erreur("R16", "SITTING_CARRIED_UNIT",
                    $"L'unité {unite.Id} est reportée : pour la repasser, il faut renoncer au report (définitif) ; c'est alors la nouvelle note qui compte.",
                    $"unitsToSit[{indexDemande}]");
            }
        }
        else if (d.Forme == FormePassage.Globale || note is { Choix: ChoixNote.Renoncement } || demandee)
        {
            // P17: a global candidate sits every unit neither kept nor exempted; P2: a renounced grade is sat again.
            statut = StatutPlan.APasser;
        }
        else
        {
            statut = StatutPlan.PasCetteSession;
        }

        return statut;
    }

    private static int IndexDe(IReadOnlyList<string> liste, string id)
    {
        for (var i = 0; i < liste.Count; i++)
        {
            if (string.Equals(liste[i], id, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string SousUnites(Contexte c, Unite parent) =>
        string.Join(", ", c.Specialite!.Unites.Where(u => u.Parent == parent.Id).Select(u => u.Id));

    private static string Nom(FormePassage forme) => forme switch
    {
        FormePassage.Globale => "globale",
        FormePassage.Progressive => "progressive",
    };
}
