using System.Text;

namespace Examens.Core.Notes;

/// <summary>One data line of a centre's grades file, as read, with its line number in the file (header = line 1).</summary>
public sealed record LigneFichierNotes(int Numero, string Candidat, string Unite, string Note, string Absence);

/// <summary>
/// A centre's grades file (documented in docs/resultats.md): UTF-8 with or without BOM, one header line
/// <c>numero_candidat;unite;note;absence</c> (columns in any order, case ignored), <c>;</c> between fields, French
/// decimal comma accepted, empty lines ignored, double quotes allowed around a field.
/// </summary>
public static class FichierNotesCsv
{
    public const int TailleMaximale = 10 * 1024 * 1024;

    public static readonly string[] Colonnes = ["numero_candidat", "unite", "note", "absence"];

    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The data lines, or every problem of the file in French with its line number.</summary>
    public static (IReadOnlyList<LigneFichierNotes> Lignes, IReadOnlyList<string> Erreurs) Lire(byte[] contenu)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        if (contenu.Length == 0)
        {
            return ([], ["Le fichier est vide."]);
        }

        if (contenu.Length > TailleMaximale)
        {
            return ([], [$"Le fichier dépasse {TailleMaximale / 1024 / 1024} Mo."]);
        }

        string texte;
        try
        {
            texte = Utf8Strict.GetString(contenu);
        }
        catch (DecoderFallbackException)
        {
            return ([], ["Le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 » depuis le tableur."]);
        }

        texte = texte.TrimStart('\uFEFF');
        var lignes = texte.ReplaceLineEndings("\n").Split('\n');
        var entete = Champs(lignes[0]).Select(c => c.Trim().ToLowerInvariant()).ToList();
        var manquantes = Colonnes.Where(c => !entete.Contains(c)).ToList();
        if (manquantes.Count > 0)
        {
            var detail = entete.Count == 1 && lignes[0].Contains(',', StringComparison.Ordinal)
                ? " Le séparateur est le point-virgule (;), pas la virgule."
                : "";
            return ([], [$"Ligne 1 : l'en-tête doit contenir les colonnes {string.Join(";", Colonnes)} ; il manque {string.Join(", ", manquantes)}.{detail}"]);
        }

        var index = Colonnes.Select(c => entete.IndexOf(c)).ToArray();
        var resultat = new List<LigneFichierNotes>();
        var erreurs = new List<string>();
        for (var i = 1; i < lignes.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lignes[i]))
            {
                continue;
            }

            var champs = Champs(lignes[i]);
            if (champs.Count != entete.Count)
            {
                erreurs.Add($"Ligne {i + 1} : {champs.Count} champ(s) au lieu de {entete.Count} (séparateur « ; »).");
                continue;
            }

            resultat.Add(new LigneFichierNotes(i + 1, champs[index[0]].Trim(), champs[index[1]].Trim(), champs[index[2]].Trim(), champs[index[3]].Trim()));
        }

        if (resultat.Count == 0 && erreurs.Count == 0)
        {
            erreurs.Add("Le fichier ne contient aucune note (seulement l'en-tête).");
        }

        return (resultat, erreurs);
    }

    /// <summary>Splits on ';' outside double quotes; "" inside quotes is a quote.</summary>
    private static List<string> Champs(string ligne)
    {
        var champs = new List<string>();
        var courant = new StringBuilder();
        var guillemets = false;
        for (var i = 0; i < ligne.Length; i++)
        {
            var c = ligne[i];
            if (guillemets)
            {
                if (c == '"' && i + 1 < ligne.Length && ligne[i + 1] == '"')
                {
                    courant.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    guillemets = false;
                }
                else
                {
                    courant.Append(c);
                }
            }
            else if (c == '"')
            {
                guillemets = true;
            }
            else if (c == ';')
            {
                champs.Add(courant.ToString());
                courant.Clear();
            }
            else
            {
                courant.Append(c);
            }
        }

        champs.Add(courant.ToString());
        return champs;
    }
}
