using Examens.Domain.Catalogue;

namespace Examens.Domain.Tests.Inscriptions;

/// <summary>A speciality shaped like Maintenance des systèmes, small enough to read in one glance.</summary>
internal static class SpecialitesDeTest
{
    public static Specialite Maintenance(bool complete = true) => new()
    {
        Code = "MS",
        Session = 2024,
        Nom = "Maintenance des systèmes",
        Complete = complete,
        NoteIncomplete = complete ? null : "coefficients de E6 inconnus",
        Options = [new("A", "Systèmes de production", null, false), new("B", "Systèmes énergétiques et fluidiques", null, false)],
        Langues = new LanguesOffertes(["anglais"], ["allemand", "anglais", "arabe", "espagnol"], null, true, null),
        Pieces = ["D6"],
        Attestations = ["électrique", "hauteur", "fluides frigorigènes", "secours"],
        Unites =
        [
            new() { Id = "U1", Nom = "Culture générale et expression", Coefficient = 3, Professionnelle = false, Dispensable = true },
            new() { Id = "U2", Nom = "Anglais", Coefficient = 2, Professionnelle = false, Langue = true },
            new() { Id = "U3", Nom = "Mathématiques - Physique", Coefficient = 4, EstUnite = false, Professionnelle = false },
            new() { Id = "U31", Nom = "Mathématiques", Parent = "U3", Coefficient = 2, Professionnelle = false },
            new() { Id = "U32", Nom = "Physique et chimie", Parent = "U3", Coefficient = 2, Professionnelle = false },
            new() { Id = "U4", Nom = "Analyse technique", Coefficient = 6, Professionnelle = true },
            new() { Id = "U53", Nom = "Conduite d'une installation", Coefficient = 2, Professionnelle = true, Options = ["B"] },
            new() { Id = "UF1", Nom = "Langue vivante facultative", Facultative = true, Langue = true },
            new() { Id = "UF2", Nom = "Autre unité facultative", Facultative = true },
            new() { Id = "UF3", Nom = "Troisième unité facultative", Facultative = true },
            new() { Id = "UF-EE", Nom = "Engagement étudiant", Facultative = true, EngagementEtudiant = true },
        ],
    };
}
