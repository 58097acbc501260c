using System.Text.Encodings.Web;
using System.Text.Json;
using Examens.Domain.Common;

namespace Examens.Core.Simulations;

/// <summary>The simulators' output conventions: camelCase, dates YYYY-MM-DD, French left readable.</summary>
internal static class EcritureJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // The JSON is served as application/json, never inside HTML: accents stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Ecrire(Action<Utf8JsonWriter> corps)
    {
        using var flux = new MemoryStream();
        using (var w = new Utf8JsonWriter(flux, Options))
        {
            corps(w);
        }

        flux.WriteByte((byte)'\n');
        return flux.ToArray();
    }

    /// <summary>Trailing zeros are not information: 12.50 is written 12.5.</summary>
    public static void Nombre(Utf8JsonWriter w, string nom, decimal? valeur)
    {
        if (valeur is { } v)
        {
            w.WriteNumber(nom, v / 1.0000000000000000000000000000m);
        }
        else
        {
            w.WriteNull(nom);
        }
    }

    public static void Date(Utf8JsonWriter w, string nom, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(nom, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(nom);
        }
    }

    public static void Erreurs(Utf8JsonWriter w, IEnumerable<ErreurRegle> erreurs)
    {
        w.WriteStartArray("errors");
        foreach (var e in erreurs)
        {
            w.WriteStartObject();
            if (e.Regle.Length == 0)
            {
                w.WriteNull("rule");
            }
            else
            {
                w.WriteString("rule", e.Regle);
            }

            w.WriteString("code", e.Code);
            w.WriteString("message", e.Message);
            if (e.Chemin is null)
            {
                w.WriteNull("path");
            }
            else
            {
                w.WriteString("path", e.Chemin);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static string Resume(IReadOnlyList<ErreurRegle> erreurs) => erreurs.Count switch
    {
        0 => "",
        1 => $"1 erreur : {erreurs[0].Message}",
        _ => $"{erreurs.Count} erreurs ; la première : {erreurs[0].Message}",
    };
}
