using System.Text.Json;
using Examens.Core.Json;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;

namespace Examens.Core.Simulations;

/// <summary>
/// The deliberation simulator of simulation-api.md §1: catalogue-free, the caller gives units and coefficients.
/// Reads the JSON, asks the rules engine, writes the JSON; nothing is stored.
/// </summary>
public static class SimulationDeliberation
{
    internal static readonly Dictionary<string, FormePassage> Formes = new(StringComparer.Ordinal)
    {
        ["global"] = FormePassage.Globale,
        ["progressive"] = FormePassage.Progressive,
    };

    private static readonly Dictionary<string, bool> Absences = new(StringComparer.Ordinal)
    {
        ["justified"] = true,
        ["unjustified"] = false,
    };

    public static ResultatSimulation Executer(ReadOnlyMemory<byte> entree)
    {
        using var document = LecteurJsonStrict.Analyser(entree, out var illisible);
        if (document is null)
        {
            return Echec(IssueSimulation.Illisible, [illisible!]);
        }

        var l = new LecteurJsonStrict();
        var racine = document.RootElement;
        if (!l.Objet(racine, "", "referenceDate", "form", "settings", "units", "optionalUnits"))
        {
            return Echec(IssueSimulation.Invalide, l.Erreurs);
        }

        var date = l.Date(racine, "", "referenceDate", true, "P1");
        var forme = l.Enumeration(racine, "", "form", true, "R8", Formes);
        var parametres = new ParametresDeliberation(false);
        if (l.Propriete(racine, "", "settings", false, "P6") is { } reglages && l.Objet(reglages, "settings", "optionalAbsenceEliminates"))
        {
            parametres = new ParametresDeliberation(l.Booleen(reglages, "settings", "optionalAbsenceEliminates", false, "P6") ?? false);
        }

        var obligatoires = LireUnites(l, racine, "units", true, false);
        var facultatives = LireUnites(l, racine, "optionalUnits", false, true);
        if (l.EnErreur || date is null || forme is null)
        {
            return Echec(IssueSimulation.Invalide, l.Erreurs);
        }

        var erreurs = VerificationDeliberation.Verifier(forme.Value, date.Value, obligatoires, facultatives);
        if (erreurs.Count > 0)
        {
            return Echec(IssueSimulation.Invalide, erreurs);
        }

        var sortie = new UniteDeliberee[obligatoires.Count + facultatives.Count];
        var r = Deliberation.Deliberer(forme.Value, date.Value, [.. obligatoires], [.. facultatives], sortie, parametres);
        var ids = obligatoires.Concat(facultatives).Select(u => u.Id).ToList();
        var json = EcritureJson.Ecrire(w =>
        {
            w.WriteStartObject();
            w.WriteString("decision", Decision(r.Decision));
            EcritureJson.Nombre(w, "average", r.Moyenne is { } m ? decimal.Round(m, 4, MidpointRounding.AwayFromZero) : null);
            EcritureJson.Nombre(w, "points", r.Points);
            EcritureJson.Nombre(w, "coefficients", r.Coefficients);
            EcritureJson.Nombre(w, "optionalBonus", r.BonusFacultatif);
            w.WriteBoolean("controlEligible", r.EpreuvesDeControle);
            w.WriteStartArray("units");
            for (var i = 0; i < sortie.Length; i++)
            {
                var u = sortie[i];
                w.WriteStartObject();
                w.WriteString("id", ids[i]);
                w.WriteString("status", Statut(u.Statut));
                EcritureJson.Nombre(w, "grade", u.Note);
                w.WriteBoolean("counted", u.Comptee);
                w.WriteBoolean("acquired", u.Acquise);
                EcritureJson.Date(w, "validUntil", u.ValableJusquau);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            EcritureJson.Erreurs(w, []);
            w.WriteEndObject();
        });
        return new ResultatSimulation(IssueSimulation.Valide, json, "");
    }

    private static List<UniteNotee> LireUnites(LecteurJsonStrict l, JsonElement racine, string nom, bool requis, bool facultatives)
    {
        var unites = new List<UniteNotee>();
        var elements = l.Tableau(racine, "", nom, requis, "R37", 100);
        // "professional" is accepted on an optional unit (same unit shape) but plays no part there (P9 is about compulsory units).
        for (var i = 0; i < elements.Count; i++)
        {
            var chemin = $"{nom}[{i}]";
            var e = elements[i];
            if (!l.Objet(e, chemin, "id", "coefficient", "professional", "result"))
            {
                continue;
            }

            var id = l.Chaine(e, chemin, "id", true, "R4", 20);
            var coefficient = l.Nombre(e, chemin, "coefficient", true, "R3");
            var professionnelle = (l.Booleen(e, chemin, "professional", false, "R72") ?? false) && !facultatives;
            var resultat = LireResultat(l, e, chemin);
            if (id is not null && coefficient is not null && resultat is not null)
            {
                unites.Add(new UniteNotee(id, coefficient.Value, professionnelle, resultat.Value));
            }
        }

        return unites;
    }

    /// <summary><c>result</c> is exactly one of grade, absence, exempted, kept, carried, pending.</summary>
    private static ResultatUnite? LireResultat(LecteurJsonStrict l, JsonElement unite, string cheminUnite)
    {
        var chemin = $"{cheminUnite}.result";
        if (l.Propriete(unite, cheminUnite, "result", true, "R37") is not { } e
            || !l.Objet(e, chemin, "grade", "absence", "exempted", "kept", "carried", "pending"))
        {
            return null;
        }

        var presentes = e.EnumerateObject().Select(p => p.Name).ToList();
        if (presentes.Count != 1)
        {
            l.Erreur("", "RESULT_NOT_EXACTLY_ONE",
                $"« result » contient exactement une des propriétés grade, absence, exempted, kept, carried ou pending (reçu : {(presentes.Count == 0 ? "aucune" : string.Join(", ", presentes))}).",
                chemin);
            return null;
        }

        switch (presentes[0])
        {
            case "grade":
                return l.Nombre(e, chemin, "grade", true, "P7") is { } note ? ResultatUnite.Presente(note) : null;
            case "absence":
                return l.Enumeration(e, chemin, "absence", true, "R38", Absences) is { } justifiee ? ResultatUnite.Absence(justifiee) : null;
            case "exempted":
                return Vrai(l, e, chemin, "exempted", "R29") ? ResultatUnite.Dispense() : null;
            case "pending":
                return Vrai(l, e, chemin, "pending", "R13") ? ResultatUnite.EnAttente() : null;
            case "kept":
            case "carried":
                var nom = presentes[0];
                var regle = nom == "kept" ? "R15" : "R16";
                var sousChemin = $"{chemin}.{nom}";
                if (l.Propriete(e, chemin, nom, true, regle) is not { } k || !l.Objet(k, sousChemin, "grade", "obtainedOn"))
                {
                    return null;
                }

                var valeur = l.Nombre(k, sousChemin, "grade", true, "P7");
                var obtention = l.Date(k, sousChemin, "obtainedOn", true, "P1");
                if (valeur is null || obtention is null)
                {
                    return null;
                }

                return nom == "kept" ? ResultatUnite.Benefice(valeur.Value, obtention.Value) : ResultatUnite.Report(valeur.Value, obtention.Value);
            default:
                return null;
        }
    }

    private static bool Vrai(LecteurJsonStrict l, JsonElement e, string chemin, string nom, string regle)
    {
        var v = l.Booleen(e, chemin, nom, true, regle);
        if (v == false)
        {
            l.Erreur(regle, "INVALID_VALUE", $"« {nom} » vaut true quand il est donné ; sinon donnez un autre résultat.", $"{chemin}.{nom}");
        }

        return v == true;
    }

    private static ResultatSimulation Echec(IssueSimulation issue, IReadOnlyList<Domain.Common.ErreurRegle> erreurs)
    {
        var json = EcritureJson.Ecrire(w =>
        {
            w.WriteStartObject();
            w.WriteNull("decision");
            w.WriteNull("average");
            w.WriteNull("points");
            w.WriteNull("coefficients");
            w.WriteNull("optionalBonus");
            w.WriteNull("controlEligible");
            w.WriteStartArray("units");
            w.WriteEndArray();
            EcritureJson.Erreurs(w, erreurs);
            w.WriteEndObject();
        });
        return new ResultatSimulation(issue, json, EcritureJson.Resume(erreurs));
    }

    private static string Decision(Decision d) => d switch
    {
        Domain.Deliberations.Decision.Admis => "admitted",
        Domain.Deliberations.Decision.Ajourne => "deferred",
        Domain.Deliberations.Decision.Elimine => "eliminated",
        Domain.Deliberations.Decision.Incomplet => "incomplete",
    };

    private static string Statut(StatutUnite s) => s switch
    {
        StatutUnite.Presente => "sat",
        StatutUnite.AbsentJustifie => "absent-justified",
        StatutUnite.AbsentNonJustifie => "absent-unjustified",
        StatutUnite.Dispense => "exempted",
        StatutUnite.Benefice => "kept",
        StatutUnite.Report => "carried",
        StatutUnite.EnAttente => "pending",
    };
}
