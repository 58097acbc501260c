using System.Globalization;
using System.Text.Json;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Exports;

/// <summary>
/// The submitted registrations of a member of staff's scope, one CSV row each from the latest submitted version (what
/// the candidate signed, not the draft), filtered by speciality, option, form and language.
/// </summary>
public sealed class ExporterInscriptions(ExamensDbContext db)
{
    public sealed record Filtre(string? Specialite, string? Option, FormePassage? Forme, string? Langue);

    public static readonly IReadOnlyList<string> Entetes =
    [
        "Numéro", "Nom", "Prénoms", "Date de naissance", "Académie", "Spécialité", "Option", "Forme", "Langue obligatoire",
        "Langue facultative", "État", "Version", "Soumise le (heure locale)",
    ];

    public async Task<byte[]> ExecuterAsync(string compteId, bool administrateur, Filtre filtre, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(filtre);
        var inscriptions = await ChargerInscription.DuPerimetre(db, compteId, administrateur)
            .Where(i => i.Etat == EtatInscription.Soumise)
            .Include(i => i.AcademieSession)
            .Include(i => i.Versions)
            .AsSplitQuery()
            .ToListAsync(annulation).ConfigureAwait(false);
        var lignes = new List<IReadOnlyList<string?>> { Entetes };
        var francais = StringComparer.Create(Francais.Culture, CompareOptions.IgnoreCase);
        var choisies = inscriptions
            .Select(i => (Inscription: i, Version: i.Versions.OrderByDescending(v => v.Numero).FirstOrDefault()))
            .Where(x => x.Version is not null)
            .Select(x => (x.Inscription, Version: x.Version!, Contenu: JsonSerializer.Deserialize<ContenuVersion>(x.Version!.Contenu, SerialisationInscription.Options)!))
            .Where(x => Garde(filtre, x.Contenu.Donnees))
            .OrderBy(x => x.Contenu.Nom, francais).ThenBy(x => x.Contenu.Prenoms, francais).ThenBy(x => x.Inscription.Numero, StringComparer.Ordinal);
        foreach (var (inscription, version, contenu) in choisies)
        {
            var d = contenu.Donnees;
            var soumise = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(version.SoumiseLeUtc, DateTimeKind.Utc), inscription.AcademieSession.FuseauHoraire);
            lignes.Add(
            [
                inscription.Numero, contenu.Nom, contenu.Prenoms, contenu.DateNaissance?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                inscription.AcademieSession.Code, d.Specialite, d.Option, d.Forme?.ToString(), d.LangueObligatoire, string.Join(", ", d.LanguesFacultatives),
                "soumise", version.Numero.ToString(CultureInfo.InvariantCulture), soumise.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            ]);
        }

        return Csv.Ecrire(lignes);
    }

    private static bool Garde(Filtre f, DonneesInscription d) =>
        (string.IsNullOrWhiteSpace(f.Specialite) || string.Equals(d.Specialite, f.Specialite, StringComparison.Ordinal))
        && (string.IsNullOrWhiteSpace(f.Option) || string.Equals(d.Option, f.Option, StringComparison.Ordinal))
        && (f.Forme is null || d.Forme == f.Forme)
        && (string.IsNullOrWhiteSpace(f.Langue) || string.Equals(d.LangueObligatoire, f.Langue, StringComparison.OrdinalIgnoreCase)
            || d.LanguesFacultatives.Contains(f.Langue, StringComparer.OrdinalIgnoreCase));
}
