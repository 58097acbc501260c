using System.Globalization;
using Examens.Domain.Common;

namespace Examens.Core.Inscriptions;

/// <summary>
/// A registration as a list of named fields in plain French, always in the same order: what the versions comparison
/// shows side by side and what the trail records as before/after.
/// </summary>
public static class ChampsInscription
{
    public sealed record Champ(string Libelle, string Valeur);

    public sealed record Difference(string Libelle, string Avant, string Apres)
    {
        public bool Change => !string.Equals(Avant, Apres, StringComparison.Ordinal);
    }

    public static IReadOnlyList<Champ> Lister(ContenuVersion v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return
        [
            new("Nom", v.Nom),
            new("Prénoms", v.Prenoms),
            new("Date de naissance", v.DateNaissance is { } n ? Francais.Date(n) : ""),
            new("Lieu de naissance", v.LieuNaissance),
            .. Lister(v.Donnees),
        ];
    }

    public static IReadOnlyList<Champ> Lister(DonneesInscription d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return
        [
            new("Adresse", $"{d.Adresse}, {d.CodePostal} {d.Ville}, {d.Pays}".Trim(' ', ',')),
            new("Téléphone", d.Telephone),
            new("Statut", d.Statut.ToString()),
            new("Situation", Liste([d.ExScolaire ? "ex-scolaire" : null, d.ExApprenti ? "ex-apprenti" : null, d.Redoublant ? "redoublant" : null,
                d.FormationAmenagee ? "formation aménagée" : null, d.ContratProfessionnalisationRompu ? "contrat de professionnalisation rompu" : null,
                d.DemandeAmenagementEpreuves ? "aménagement d'épreuves demandé" : null, d.FormePrecedente is { } fp ? $"forme précédente {fp}" : null])),
            new("Spécialité", d.Specialite),
            new("Option", d.Option ?? ""),
            new("Forme de passage", d.Forme is { } f ? $"{f}{(d.FormeConfirmee ? " (confirmée)" : " (non confirmée)")}" : ""),
            new("Langue obligatoire", d.LangueObligatoire),
            new("Langues facultatives", Liste(d.LanguesFacultatives)),
            new("Unités facultatives", Liste(d.UnitesFacultatives)),
            new("Unités à passer", Liste(d.UnitesAPasser)),
            new("Notes antérieures", Liste(d.NotesAnterieures.Select(n =>
                $"{n.Unite} {n.Note.ToString("0.##", CultureInfo.InvariantCulture)}/20 du {Francais.Date(n.Obtention)} ({n.Choix})"))),
            new("Dispenses", Liste(d.Dispenses.Select(x => $"{x.Unite} (niveau {x.NiveauDiplome.ToString(CultureInfo.InvariantCulture)}, {x.Diplome})"))),
        ];
    }

    /// <summary>Field by field, before and after (an absent side is empty).</summary>
    public static IReadOnlyList<Difference> Comparer(IReadOnlyList<Champ> avant, IReadOnlyList<Champ> apres)
    {
        ArgumentNullException.ThrowIfNull(avant);
        ArgumentNullException.ThrowIfNull(apres);
        var libelles = avant.Select(c => c.Libelle).Concat(apres.Select(c => c.Libelle)).Distinct(StringComparer.Ordinal);
        return [.. libelles.Select(l => new Difference(l,
            avant.FirstOrDefault(c => c.Libelle == l)?.Valeur ?? "", apres.FirstOrDefault(c => c.Libelle == l)?.Valeur ?? ""))];
    }

    /// <summary>Only what changed, as "Champ : valeur" lines for the trail's before and after columns; null when nothing did.</summary>
    public static (string? Avant, string? Apres) Changements(IReadOnlyList<Champ> avant, IReadOnlyList<Champ> apres)
    {
        var changes = Comparer(avant, apres).Where(d => d.Change).ToList();
        return changes.Count == 0
            ? (null, null)
            : (string.Join("\n", changes.Select(c => $"{c.Libelle} : {c.Avant}")), string.Join("\n", changes.Select(c => $"{c.Libelle} : {c.Apres}")));
    }

    public static ContenuVersion? Relire(VersionInscription v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return System.Text.Json.JsonSerializer.Deserialize<ContenuVersion>(v.Contenu, SerialisationInscription.Options);
    }

    private static string Liste(IEnumerable<string?> elements) => string.Join(", ", elements.Where(e => !string.IsNullOrEmpty(e)));
}
