using System.Globalization;
using System.Text.Json;
using Examens.Domain.Common;

namespace Examens.Core.Json;

/// <summary>
/// Reads a JSON document against an expected shape and collects every problem as a French error naming its path,
/// instead of stopping at the first one. Unknown properties are errors: a typo must not pass silently.
/// </summary>
public sealed class LecteurJsonStrict
{
    public const int ProfondeurMaximale = 16;

    public List<ErreurRegle> Erreurs { get; } = [];

    public bool EnErreur => Erreurs.Count > 0;

    /// <summary>Parses bytes; null (and an INVALID_JSON error) when they are not JSON.</summary>
    public static JsonDocument? Analyser(ReadOnlyMemory<byte> octets, out ErreurRegle? erreur)
    {
        // A file saved by some Windows editors starts with a UTF-8 byte order mark; RFC 8259 lets a reader ignore it.
        if (octets.Span.StartsWith("\uFEFF"u8))
        {
            octets = octets[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(octets.Span))
        {
            // Checked first: invalid bytes inside a string would otherwise fail only when the string is read.
            erreur = new ErreurRegle("", "INVALID_JSON", "Le document reçu est illisible : il n'est pas encodé en UTF-8 valide.", null);
            return null;
        }

        try
        {
            erreur = null;
            return JsonDocument.Parse(octets, new JsonDocumentOptions { MaxDepth = ProfondeurMaximale, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            var ligne = e.LineNumber is { } l ? $" (ligne {l + 1}, colonne {e.BytePositionInLine.GetValueOrDefault() + 1})" : "";
            // The reader's messages are English and not a contract: the two cases worth their own words are told by
            // their wording, anything else is "not valid JSON".
            var raison = e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
                ? $"le document est imbriqué sur plus de {ProfondeurMaximale} niveaux"
                : e.Message.Contains("Expected depth to be zero", StringComparison.OrdinalIgnoreCase)
                    ? "le document s'arrête avant sa fin (un objet { … } ou une liste [ … ] n'est pas fermé)"
                    : e.Message.Contains("does not contain any JSON tokens", StringComparison.OrdinalIgnoreCase)
                        ? "le document est vide"
                        : "ce n'est pas du JSON valide";
            erreur = new ErreurRegle("", "INVALID_JSON", $"Le document reçu est illisible : {raison}{ligne}.", null);
            return null;
        }
    }

    public void Erreur(string regle, string code, string message, string? chemin) =>
        Erreurs.Add(new ErreurRegle(regle, code, message, chemin));

    /// <summary>Checks that <paramref name="e"/> is an object with only the given properties.</summary>
    public bool Objet(JsonElement e, string chemin, params string[] connues)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Erreur("", "WRONG_TYPE", $"{Lieu(chemin)} doit être un objet JSON ({{ … }}).", NullSiRacine(chemin));
            return false;
        }

        var vues = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            // A repeated name would let the last value win silently, hiding the first (say a kept grade below 10).
            if (!vues.Add(p.Name))
            {
                Erreur("", "DUPLICATE_PROPERTY",
                    $"La propriété « {p.Name} » figure deux fois {Dans(chemin)} : une seule valeur est permise.",
                    Joindre(chemin, p.Name));
            }
            else if (!connues.Contains(p.Name, StringComparer.Ordinal))
            {
                Erreur("", "UNKNOWN_PROPERTY",
                    $"Propriété inconnue « {p.Name} » {Dans(chemin)} : propriétés attendues : {string.Join(", ", connues)}.",
                    Joindre(chemin, p.Name));
            }
        }

        return true;
    }

    public JsonElement? Propriete(JsonElement objet, string chemin, string nom, bool requise, string regle)
    {
        if (objet.ValueKind == JsonValueKind.Object && objet.TryGetProperty(nom, out var v) && v.ValueKind != JsonValueKind.Null)
        {
            return v;
        }

        if (requise)
        {
            Erreur(regle, "MISSING_PROPERTY", $"La propriété « {nom} » est obligatoire {Dans(chemin)}.", Joindre(chemin, nom));
        }

        return null;
    }

    public string? Chaine(JsonElement objet, string chemin, string nom, bool requise, string regle, int longueurMax = 200)
    {
        if (Propriete(objet, chemin, nom, requise, regle) is not { } v)
        {
            return null;
        }

        var lieu = Joindre(chemin, nom);
        if (v.ValueKind != JsonValueKind.String)
        {
            Erreur(regle, "WRONG_TYPE", $"« {nom} » doit être une chaîne de caractères.", lieu);
            return null;
        }

        return ChaineValide(v.GetString()!, lieu, regle, longueurMax);
    }

    public string? ChaineValide(string s, string lieu, string regle, int longueurMax = 200)
    {
        if (s.Length > longueurMax)
        {
            Erreur(regle, "TOO_LONG", $"La valeur de {lieu} dépasse {longueurMax} caractères.", lieu);
            return null;
        }

        if (string.IsNullOrWhiteSpace(s))
        {
            Erreur(regle, "EMPTY_VALUE", $"La valeur de {lieu} est vide.", lieu);
            return null;
        }

        // Control characters, invisible formatting (bidi overrides, zero-width, BOM) and markup brackets: never in a code or a name.
        if (s.Any(ch => char.IsControl(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || ch is '<' or '>'))
        {
            Erreur(regle, "INVALID_CHARACTERS", $"La valeur de {lieu} contient des caractères non autorisés (caractères de contrôle ou invisibles, < ou >).", lieu);
            return null;
        }

        return s.Trim();
    }

    public T? Enumeration<T>(JsonElement objet, string chemin, string nom, bool requise, string regle, IReadOnlyDictionary<string, T> valeurs)
        where T : struct
    {
        var s = Chaine(objet, chemin, nom, requise, regle);
        if (s is null)
        {
            return null;
        }

        if (valeurs.TryGetValue(s, out var valeur))
        {
            return valeur;
        }

        Erreur(regle, "INVALID_VALUE",
            $"Valeur « {s} » non reconnue pour « {nom} » : valeurs possibles : {string.Join(", ", valeurs.Keys)}.", Joindre(chemin, nom));
        return null;
    }

    public decimal? Nombre(JsonElement objet, string chemin, string nom, bool requise, string regle)
    {
        if (Propriete(objet, chemin, nom, requise, regle) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
        {
            Erreur(regle, "WRONG_TYPE", $"« {nom} » doit être un nombre (avec un point décimal, par exemple 12.5).", Joindre(chemin, nom));
            return null;
        }

        return d;
    }

    public int? Entier(JsonElement objet, string chemin, string nom, bool requise, string regle, int min, int max)
    {
        if (Propriete(objet, chemin, nom, requise, regle) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i) || i < min || i > max)
        {
            Erreur(regle, "INVALID_VALUE", $"« {nom} » doit être un nombre entier entre {min} et {max}.", Joindre(chemin, nom));
            return null;
        }

        return i;
    }

    public bool? Booleen(JsonElement objet, string chemin, string nom, bool requise, string regle)
    {
        if (Propriete(objet, chemin, nom, requise, regle) is not { } v)
        {
            return null;
        }

        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Erreur(regle, "WRONG_TYPE", $"« {nom} » doit valoir true ou false.", Joindre(chemin, nom));
            return null;
        }

        return v.GetBoolean();
    }

    /// <summary>A date <c>YYYY-MM-DD</c>.</summary>
    public DateOnly? Date(JsonElement objet, string chemin, string nom, bool requise, string regle)
    {
        var s = Chaine(objet, chemin, nom, requise, regle, 10);
        if (s is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Erreur(regle, "INVALID_DATE", $"« {nom} » doit être une date réelle au format AAAA-MM-JJ (reçu : « {s} »).", Joindre(chemin, nom));
        return null;
    }

    /// <summary>A local date-time <c>YYYY-MM-DDTHH:MM:SS</c>, without offset.</summary>
    public DateTime? DateHeureLocale(JsonElement objet, string chemin, string nom, bool requise, string regle)
    {
        var s = Chaine(objet, chemin, nom, requise, regle, 19);
        if (s is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(s, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return DateTime.SpecifyKind(d, DateTimeKind.Unspecified);
        }

        Erreur(regle, "INVALID_DATE_TIME",
            $"« {nom} » doit être une date et heure locales au format AAAA-MM-JJTHH:MM:SS, sans décalage (reçu : « {s} »).", Joindre(chemin, nom));
        return null;
    }

    /// <summary>An instant, ISO 8601 with an offset or Z.</summary>
    public DateTimeOffset? Instant(JsonElement objet, string chemin, string nom, bool requise, string regle)
    {
        var s = Chaine(objet, chemin, nom, requise, regle, 40);
        if (s is null)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        var avecDecalage = s.EndsWith('Z') || (s.Length > 19 && (s[^6] is '+' or '-'));
        if (avecDecalage && DateTimeOffset.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Erreur(regle, "INVALID_INSTANT",
            $"« {nom} » doit être un instant ISO 8601 avec son décalage ou Z, par exemple 2023-11-15T15:59:59Z (reçu : « {s} »).", Joindre(chemin, nom));
        return null;
    }

    /// <summary>The elements of an array property; empty when absent and not required.</summary>
    public IReadOnlyList<JsonElement> Tableau(JsonElement objet, string chemin, string nom, bool requis, string regle, int max = 100)
    {
        if (Propriete(objet, chemin, nom, requis, regle) is not { } v)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Erreur(regle, "WRONG_TYPE", $"« {nom} » doit être une liste ([ … ]).", Joindre(chemin, nom));
            return [];
        }

        if (v.GetArrayLength() > max)
        {
            Erreur(regle, "TOO_MANY_ITEMS", $"« {nom} » contient plus de {max} éléments.", Joindre(chemin, nom));
            return [];
        }

        return [.. v.EnumerateArray()];
    }

    public List<string> ListeDeChaines(JsonElement objet, string chemin, string nom, string regle, int max = 30)
    {
        var liste = new List<string>();
        var elements = Tableau(objet, chemin, nom, false, regle, max);
        for (var i = 0; i < elements.Count; i++)
        {
            var lieu = $"{Joindre(chemin, nom)}[{i}]";
            if (elements[i].ValueKind != JsonValueKind.String)
            {
                Erreur(regle, "WRONG_TYPE", $"{lieu} doit être une chaîne de caractères.", lieu);
                continue;
            }

            if (ChaineValide(elements[i].GetString()!, lieu, regle) is { } s)
            {
                liste.Add(s);
            }
        }

        return liste;
    }

    public static string Joindre(string chemin, string nom) => chemin.Length == 0 ? nom : $"{chemin}.{nom}";

    private static string? NullSiRacine(string chemin) => chemin.Length == 0 ? null : chemin;

    private static string Lieu(string chemin) => chemin.Length == 0 ? "Le document" : $"« {chemin} »";

    private static string Dans(string chemin) => chemin.Length == 0 ? "au premier niveau du document" : $"dans « {chemin} »";
}
