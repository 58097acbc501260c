using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Domain.Inscriptions;
using Examens.Domain.Regles;

namespace Examens.Core.Tests.Outils;

/// <summary>
/// A BTS 2024 session with the SIEC academy and submitted registrations written as the portal writes them (a numbered
/// version holding the frozen JSON), so plans, convocations and grades are computed from real versions.
/// </summary>
public static class SessionDeTest
{
    /// <summary>The seed's candidate: MS option A, global form, English, optional Arabic.</summary>
    public static DonneesInscription Ms(string option = "A", params string[] languesFacultatives) => new()
    {
        Adresse = "12 rue des Écoles",
        CodePostal = "75005",
        Ville = "Paris",
        Statut = StatutCandidat.EnseignementADistance,
        Specialite = "MS",
        Option = option,
        Forme = FormePassage.Globale,
        FormeConfirmee = true,
        LangueObligatoire = "anglais",
        LanguesFacultatives = languesFacultatives,
    };

    public static async Task<(int SessionId, Dictionary<string, Inscription> Inscriptions)> CreerAsync(
        ExamensDbContext db, params (string Cle, DonneesInscription Donnees)[] candidats)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(candidats);
        var session = new SessionExamen { Annee = 2024, Libelle = "BTS session 2024", DateDeliberation = new DateOnly(2024, 7, 5) };
        var academie = new AcademieSession { Code = "SIEC", Nom = "SIEC (Créteil, Paris, Versailles)" };
        academie.DefinirFenetre(new DateTime(2023, 10, 10, 14, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0), "Europe/Paris");
        session.Academies.Add(academie);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var inscriptions = new Dictionary<string, Inscription>();
        var n = 0;
        foreach (var (cle, donnees) in candidats)
        {
            n++;
            var compte = new Compte
            {
                UserName = $"{cle}@exemple.fr", Email = $"{cle}@exemple.fr", Nom = $"Nom-{cle}", Prenoms = "Élodie",
                DateNaissance = new DateOnly(2000, 2, 29), LieuNaissance = "Fort-de-France",
            };
            db.Users.Add(compte);
            var numero = $"2024-SIEC-{n:000000}";
            var inscription = new Inscription { Id = Guid.NewGuid(), Numero = numero, CandidatId = compte.Id, AcademieSessionId = academie.Id };
            var contenu = SerialisationInscription.Ecrire(new ContenuVersion(numero, 2024, "SIEC", compte.Nom, compte.Prenoms, compte.DateNaissance, compte.LieuNaissance, compte.Email!, donnees));
            var empreinte = SerialisationInscription.Empreinte(contenu);
            inscription.AjouterVersion(new DateTime(2023, 11, 1, 10, 0, 0, DateTimeKind.Utc), contenu, empreinte, "0000-0000", donnees);
            db.Inscriptions.Add(inscription);
            inscriptions[cle] = inscription;
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (session.Id, inscriptions);
    }
}
