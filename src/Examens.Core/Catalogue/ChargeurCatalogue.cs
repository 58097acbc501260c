using System.Globalization;
using Examens.Domain.Catalogue;

namespace Examens.Core.Catalogue;

/// <summary>
/// Loads <c>&lt;dossier&gt;/&lt;session&gt;/&lt;CODE&gt;.json</c> for every session folder. A bad file stops the load
/// with every problem of every file listed: a wrong coefficient must never reach a deliberation.
/// </summary>
public static class ChargeurCatalogue
{
    /// <summary>The catalogue copied beside the running program (see Examens.Core.csproj).</summary>
    public static string DossierParDefaut => Path.Combine(AppContext.BaseDirectory, "catalogue");

    public static IReadOnlyList<ProblemeCatalogue> Valider(string dossier, out CatalogueBts? catalogue)
    {
        var problemes = new List<ProblemeCatalogue>();
        var specialites = new List<Specialite>();
        if (!Directory.Exists(dossier))
        {
            catalogue = null;
            return [new ProblemeCatalogue(dossier, null, "le dossier du catalogue n'existe pas.")];
        }

        foreach (var dossierSession in Directory.EnumerateDirectories(dossier).Order(StringComparer.Ordinal))
        {
            var nomSession = Path.GetFileName(dossierSession);
            if (!int.TryParse(nomSession, NumberStyles.None, CultureInfo.InvariantCulture, out var session))
            {
                problemes.Add(new ProblemeCatalogue(dossierSession, null, "un dossier de session porte l'année de la session (par exemple 2024)."));
                continue;
            }

            foreach (var fichier in Directory.EnumerateFiles(dossierSession, "*.json").Order(StringComparer.Ordinal))
            {
                var relatif = Path.GetRelativePath(dossier, fichier);
                var (specialite, erreurs) = LecteurFichierCatalogue.Lire(relatif, File.ReadAllBytes(fichier), session, Path.GetFileNameWithoutExtension(fichier));
                problemes.AddRange(erreurs);
                if (specialite is not null)
                {
                    specialites.Add(specialite);
                }
            }
        }

        if (problemes.Count == 0 && specialites.Count == 0)
        {
            problemes.Add(new ProblemeCatalogue(dossier, null, "aucune spécialité trouvée."));
        }

        catalogue = problemes.Count == 0 ? new CatalogueBts(specialites) : null;
        return problemes;
    }

    public static CatalogueBts Charger(string dossier)
    {
        var problemes = Valider(dossier, out var catalogue);
        return catalogue ?? throw new CatalogueInvalideException(problemes);
    }

    /// <summary>Reads one file's bytes, for tests and tools; its name is used in the messages.</summary>
    public static (Specialite? Specialite, IReadOnlyList<ProblemeCatalogue> Problemes) LireFichier(string nom, ReadOnlyMemory<byte> contenu) =>
        LecteurFichierCatalogue.Lire(nom, contenu, null, null);
}
