using System.Text.Json;
using System.Text.RegularExpressions;
using Examens.Core.Json;
using Examens.Domain.Catalogue;

namespace Examens.Core.Catalogue;

/// <summary>
/// Reads one catalogue file (data/catalogue/README.md gives its shape) into a <see cref="Specialite"/>, or lists
/// every problem in it. Beyond the shape it checks what the règlement implies: unique ids, parents that exist and are
/// not units themselves (R18), sub-unit coefficients that add up to the parent's (R4), a source for every value, and
/// no professional unit marked exemptable (R24).
/// </summary>
internal static partial class LecteurFichierCatalogue
{
    private static readonly string[] ProprietesRacine =
        ["speciality", "session", "name", "arrete", "complete", "incompleteNote", "sources", "options", "languages", "pieces", "attestations", "units"];

    private static readonly string[] ProprietesUnite =
        ["id", "name", "parent", "isUnit", "optional", "coefficient", "professional", "exemptable", "language", "engagementEtudiant", "options", "form", "sources", "unconfirmed", "note"];

    private static readonly string[] ChampsSources = ["name", "coefficient", "professional", "exemptable", "form", "id"];

    [GeneratedRegex("^[RPD][0-9]{1,3}$")]
    private static partial Regex RegleCitee();

    public static (Specialite? Specialite, IReadOnlyList<ProblemeCatalogue> Problemes) Lire(string nomFichier, ReadOnlyMemory<byte> contenu, int? sessionAttendue, string? codeAttendu)
    {
        using var document = LecteurJsonStrict.Analyser(contenu, out var illisible);
        if (document is null)
        {
            return (null, [new ProblemeCatalogue(nomFichier, null, illisible!.Message)]);
        }

        var l = new LecteurJsonStrict();
        var racine = document.RootElement;
        if (!l.Objet(racine, "", ProprietesRacine))
        {
            return (null, Problemes(nomFichier, l));
        }

        var code = l.Chaine(racine, "", "speciality", true, "R1", 10);
        var session = l.Entier(racine, "", "session", true, "R1", 2000, 2100);
        var nom = l.Chaine(racine, "", "name", true, "R1");
        var arrete = l.Chaine(racine, "", "arrete", false, "R1", 1000);
        var complete = l.Booleen(racine, "", "complete", true, "R1") ?? false;
        var noteIncomplete = l.Chaine(racine, "", "incompleteNote", false, "R1", 2000);
        if (!complete && noteIncomplete is null)
        {
            l.Erreur("R1", "MISSING_PROPERTY", "Une spécialité incomplète dit ce qui manque dans « incompleteNote ».", "incompleteNote");
        }

        if (code is not null && codeAttendu is not null && !string.Equals(code, codeAttendu, StringComparison.Ordinal))
        {
            l.Erreur("R1", "INVALID_VALUE", $"Le fichier {codeAttendu}.json décrit la spécialité « {code} ».", "speciality");
        }

        if (session is not null && sessionAttendue is not null && session != sessionAttendue)
        {
            l.Erreur("R1", "INVALID_VALUE", $"Le fichier est rangé sous la session {sessionAttendue} mais décrit la session {session}.", "session");
        }

        var sources = LireSources(l, racine);
        var options = LireOptions(l, racine, sources);
        var langues = LireLangues(l, racine, sources);
        var pieces = l.ListeDeChaines(racine, "", "pieces", "D5", 5);
        foreach (var (p, i) in pieces.Select((p, i) => (p, i)))
        {
            if (p is not ("D5" or "D6"))
            {
                l.Erreur("D5", "INVALID_VALUE", $"Seules les pièces D5 et D6 dépendent de la spécialité (reçu : {p}).", $"pieces[{i}]");
            }
        }

        var attestations = l.ListeDeChaines(racine, "", "attestations", "D6", 10);
        var unites = LireUnites(l, racine, sources, options.Select(o => o.Code).ToList());

        if (l.EnErreur || code is null || session is null || nom is null)
        {
            return (null, Problemes(nomFichier, l));
        }

        return (new Specialite
        {
            Code = code,
            Session = session.Value,
            Nom = nom,
            Arrete = arrete,
            Complete = complete,
            NoteIncomplete = noteIncomplete,
            Sources = sources,
            Options = options,
            Langues = langues,
            Pieces = pieces,
            Attestations = attestations,
            Unites = unites,
        }, []);
    }

    private static Dictionary<string, string> LireSources(LecteurJsonStrict l, JsonElement racine)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        if (l.Propriete(racine, "", "sources", true, "R1") is not { } s)
        {
            return sources;
        }

        if (s.ValueKind != JsonValueKind.Object)
        {
            l.Erreur("R1", "WRONG_TYPE", "« sources » doit être un objet { clé : source }.", "sources");
            return sources;
        }

        foreach (var p in s.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.GetString()))
            {
                l.Erreur("R1", "WRONG_TYPE", "Une source est une chaîne non vide.", $"sources.{p.Name}");
                continue;
            }

            sources[p.Name] = p.Value.GetString()!;
        }

        return sources;
    }

    private static void VerifierSource(LecteurJsonStrict l, string? source, Dictionary<string, string> sources, string chemin)
    {
        if (source is not null && !sources.ContainsKey(source) && !RegleCitee().IsMatch(source))
        {
            l.Erreur("R1", "UNKNOWN_SOURCE",
                $"La source « {source} » n'est ni une clé de « sources » ni une règle (R…, P…, D…).", chemin);
        }
    }

    private static List<OptionSpecialite> LireOptions(LecteurJsonStrict l, JsonElement racine, Dictionary<string, string> sources)
    {
        var options = new List<OptionSpecialite>();
        var elements = l.Tableau(racine, "", "options", true, "R1", 10);
        for (var i = 0; i < elements.Count; i++)
        {
            var chemin = $"options[{i}]";
            if (!l.Objet(elements[i], chemin, "code", "name", "source", "unconfirmed"))
            {
                continue;
            }

            var code = l.Chaine(elements[i], chemin, "code", true, "R1", 10);
            var nom = l.Chaine(elements[i], chemin, "name", true, "R1");
            var source = l.Chaine(elements[i], chemin, "source", true, "R1");
            VerifierSource(l, source, sources, $"{chemin}.source");
            var nonConfirmee = l.Booleen(elements[i], chemin, "unconfirmed", true, "R1") ?? true;
            if (code is not null && nom is not null)
            {
                if (options.Any(o => o.Code == code))
                {
                    l.Erreur("R1", "DUPLICATE_ID", $"L'option {code} est décrite deux fois.", $"{chemin}.code");
                }

                options.Add(new OptionSpecialite(code, nom, source, nonConfirmee));
            }
        }

        return options;
    }

    private static LanguesOffertes LireLangues(LecteurJsonStrict l, JsonElement racine, Dictionary<string, string> sources)
    {
        if (l.Propriete(racine, "", "languages", true, "R36") is not { } e
            || !l.Objet(e, "languages", "mandatory", "optional", "source", "unconfirmed", "note"))
        {
            return LanguesOffertes.Aucune;
        }

        var obligatoires = l.ListeDeChaines(e, "languages", "mandatory", "R36");
        var facultatives = l.ListeDeChaines(e, "languages", "optional", "R36");
        var source = l.Chaine(e, "languages", "source", true, "R36");
        VerifierSource(l, source, sources, "languages.source");
        var nonConfirmees = l.Booleen(e, "languages", "unconfirmed", true, "R36") ?? true;
        var note = l.Chaine(e, "languages", "note", false, "R36", 2000);
        return new LanguesOffertes(obligatoires, facultatives, source, nonConfirmees, note);
    }

    private static List<Unite> LireUnites(LecteurJsonStrict l, JsonElement racine, Dictionary<string, string> sources, List<string> codesOptions)
    {
        var unites = new List<Unite>();
        var elements = l.Tableau(racine, "", "units", true, "R3", 60);
        for (var i = 0; i < elements.Count; i++)
        {
            var chemin = $"units[{i}]";
            var e = elements[i];
            if (!l.Objet(e, chemin, ProprietesUnite))
            {
                continue;
            }

            var id = l.Chaine(e, chemin, "id", true, "R3", 20);
            var nom = l.Chaine(e, chemin, "name", true, "R3", 300);
            var parent = l.Chaine(e, chemin, "parent", false, "R4", 20);
            var estUnite = l.Booleen(e, chemin, "isUnit", true, "R18") ?? true;
            var facultative = l.Booleen(e, chemin, "optional", true, "R30") ?? false;
            var coefficient = l.Nombre(e, chemin, "coefficient", false, "R3");
            var professionnelle = l.Booleen(e, chemin, "professional", false, "R72");
            var dispensable = l.Booleen(e, chemin, "exemptable", true, "P18") ?? false;
            var langue = l.Booleen(e, chemin, "language", true, "R36") ?? false;
            var engagement = l.Booleen(e, chemin, "engagementEtudiant", true, "R33") ?? false;
            var forme = l.Chaine(e, chemin, "form", false, "R47", 500);
            var note = l.Chaine(e, chemin, "note", false, "R1", 3000);
            List<string>? options = null;
            if (l.Propriete(e, chemin, "options", false, "R1") is not null)
            {
                options = l.ListeDeChaines(e, chemin, "options", "R1", 10);
                foreach (var o in options.Where(o => !codesOptions.Contains(o)))
                {
                    l.Erreur("R1", "UNKNOWN_OPTION", $"L'unité est rattachée à une option « {o} » que la spécialité n'a pas.", $"{chemin}.options");
                }
            }

            var nonConfirme = l.ListeDeChaines(e, chemin, "unconfirmed", "R1", 10);
            foreach (var champ in nonConfirme.Where(c => !ChampsSources.Contains(c) && c != "form"))
            {
                l.Erreur("R1", "INVALID_VALUE", $"« {champ} » n'est pas un champ d'unité qui peut être non confirmé.", $"{chemin}.unconfirmed");
            }

            var sourcesUnite = LireSourcesUnite(l, e, chemin, sources);
            ExigerSource(l, sourcesUnite, "name", nom is not null, chemin);
            ExigerSource(l, sourcesUnite, "coefficient", coefficient is not null, chemin);
            ExigerSource(l, sourcesUnite, "professional", professionnelle is not null, chemin);
            ExigerSource(l, sourcesUnite, "exemptable", dispensable, chemin);

            if (coefficient is { } c && (c <= 0m || c > 100m))
            {
                l.Erreur("R3", "INVALID_VALUE", "Un coefficient est strictement positif et au plus 100.", $"{chemin}.coefficient");
            }

            if (dispensable && professionnelle == true)
            {
                l.Erreur("R24", "INVALID_VALUE", "Une épreuve professionnelle ne peut pas être dispensable.", $"{chemin}.exemptable");
            }

            if (id is null || nom is null)
            {
                continue;
            }

            if (unites.Any(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                l.Erreur("R3", "DUPLICATE_ID", $"L'unité {id} est décrite deux fois.", $"{chemin}.id");
            }

            unites.Add(new Unite
            {
                Id = id,
                Nom = nom,
                Parent = parent,
                EstUnite = estUnite,
                Facultative = facultative,
                Coefficient = coefficient,
                Professionnelle = professionnelle,
                Dispensable = dispensable,
                Langue = langue,
                EngagementEtudiant = engagement,
                Options = options,
                Forme = forme,
                Sources = sourcesUnite,
                NonConfirme = nonConfirme,
                Note = note,
            });
        }

        VerifierHierarchie(l, unites);
        return unites;
    }

    private static Dictionary<string, string> LireSourcesUnite(LecteurJsonStrict l, JsonElement e, string chemin, Dictionary<string, string> sources)
    {
        var resultat = new Dictionary<string, string>(StringComparer.Ordinal);
        if (l.Propriete(e, chemin, "sources", true, "R1") is not { } s || !l.Objet(s, $"{chemin}.sources", ChampsSources))
        {
            return resultat;
        }

        foreach (var p in s.EnumerateObject())
        {
            var lieu = $"{chemin}.sources.{p.Name}";
            if (p.Value.ValueKind != JsonValueKind.String)
            {
                l.Erreur("R1", "WRONG_TYPE", "Une source est une chaîne.", lieu);
                continue;
            }

            VerifierSource(l, p.Value.GetString(), sources, lieu);
            resultat[p.Name] = p.Value.GetString()!;
        }

        return resultat;
    }

    private static void ExigerSource(LecteurJsonStrict l, Dictionary<string, string> sourcesUnite, string champ, bool valeurPresente, string chemin)
    {
        if (valeurPresente && !sourcesUnite.ContainsKey(champ))
        {
            l.Erreur("R1", "MISSING_SOURCE", $"La valeur de « {champ} » n'a pas de source : jamais de valeur devinée en silence.", $"{chemin}.sources");
        }
    }

    private static void VerifierHierarchie(LecteurJsonStrict l, List<Unite> unites)
    {
        for (var i = 0; i < unites.Count; i++)
        {
            var u = unites[i];
            if (u.Parent is null)
            {
                continue;
            }

            var parent = unites.FirstOrDefault(p => p.Id == u.Parent);
            if (parent is null)
            {
                l.Erreur("R4", "UNKNOWN_PARENT", $"L'unité {u.Id} a pour épreuve « {u.Parent} », absente du fichier.", $"units[{i}].parent");
            }
            else if (parent.EstUnite)
            {
                l.Erreur("R18", "INVALID_VALUE", $"L'épreuve {parent.Id} a des sous-épreuves : elle n'est pas une unité (isUnit: false).", $"units[{unites.IndexOf(parent)}].isUnit");
            }
        }

        foreach (var parent in unites.Where(p => !p.EstUnite))
        {
            var enfants = unites.Where(u => u.Parent == parent.Id).ToList();
            if (parent.Coefficient is { } total && enfants.Count > 0 && enfants.All(e => e.Coefficient is not null)
                && enfants.Sum(e => e.Coefficient!.Value) != total)
            {
                l.Erreur("R4", "COEFFICIENTS_DO_NOT_ADD_UP",
                    $"Les coefficients des sous-épreuves de {parent.Id} ({string.Join(" + ", enfants.Select(e => e.Coefficient!.Value))}) ne font pas celui de l'épreuve ({total}).",
                    $"units[{unites.IndexOf(parent)}].coefficient");
            }
        }
    }

    private static List<ProblemeCatalogue> Problemes(string fichier, LecteurJsonStrict l) =>
        [.. l.Erreurs.Select(e => new ProblemeCatalogue(fichier, e.Chemin, e.Message))];
}
