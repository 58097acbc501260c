using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Examens.Core.Documents.Chiffrement;

/// <summary>
/// Where the document keys come from, never the database (a stolen dump then holds only ciphertext):
/// <list type="number">
/// <item><c>Examens:Documents:Cle</c>: the current key, "id:base64" or bare base64 (id "1"), e.g. from a secret
/// manager through an environment variable; older keys in <c>Examens:Documents:AnciennesCles:0</c>, <c>:1</c>…</item>
/// <item><c>Examens:Documents:FichierCle</c>: a file, one "id:base64" a line, the first being the current key, the
/// others older keys; lines starting with # are comments.</item>
/// <item>Neither: the file <c>cles-documents.txt</c> in the data folder, generated with a random key on first start
/// (for the demonstration and a single machine; back it up apart from the database).</item>
/// </list>
/// </summary>
public static class ClesDocumentsConfigurees
{
    public const string NomFichierParDefaut = "cles-documents.txt";

    public static ChiffrementDocuments Charger(IConfiguration config, string dossierDonnees)
    {
        ArgumentNullException.ThrowIfNull(config);
        var anciennes = config.GetSection("Examens:Documents:AnciennesCles").GetChildren()
            .Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => CleDocuments.Lire(v!)).ToList();
        if (config["Examens:Documents:Cle"] is { Length: > 0 } cle)
        {
            return new ChiffrementDocuments(CleDocuments.Lire(cle), anciennes);
        }

        var fichier = config["Examens:Documents:FichierCle"] is { Length: > 0 } chemin
            ? Path.GetFullPath(chemin)
            : CreerSiAbsent(Path.Combine(dossierDonnees, NomFichierParDefaut));
        if (!File.Exists(fichier))
        {
            throw new InvalidOperationException($"Le fichier de clés de documents « {fichier} » (Examens:Documents:FichierCle) est introuvable.");
        }

        var cles = File.ReadAllLines(fichier).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => CleDocuments.Lire(l)).ToList();
        if (cles.Count == 0)
        {
            throw new InvalidOperationException($"Le fichier de clés de documents « {fichier} » ne contient aucune clé.");
        }

        return new ChiffrementDocuments(cles[0], [.. cles.Skip(1), .. anciennes]);
    }

    /// <summary>A new random key line, "id:base64", the id being the creation date and 4 random hex digits.</summary>
    public static string NouvelleCle(TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(horloge);
        var id = horloge.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
        return new CleDocuments(id, RandomNumberGenerator.GetBytes(CleDocuments.TailleCle)).Ecrire();
    }

    private static string CreerSiAbsent(string fichier)
    {
        if (File.Exists(fichier))
        {
            return fichier;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fichier)!);
        var contenu = "# Clés de chiffrement des documents (AES-256-GCM). Première ligne : clé courante ; les suivantes : anciennes clés.\n"
            + "# À sauvegarder À PART de la base : sans elles les documents sont perdus. Voir docs/security.md.\n"
            + NouvelleCle(TimeProvider.System) + "\n";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var ecriture = new StreamWriter(fichier, System.Text.Encoding.ASCII, options);
            ecriture.Write(contenu);
        }
        catch (IOException) when (File.Exists(fichier))
        {
            // Another node or process created it at the same moment: use theirs.
        }

        return fichier;
    }
}
