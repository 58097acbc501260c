using System.Globalization;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Domain.Regles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Examens.Bench.Rush;

/// <summary>
/// Prepares the run directly in the database the portal uses (the portal has created its schema), and checks it
/// afterwards. Everything belongs to a session of its own, named after the run, so a database can be reused.
/// </summary>
internal sealed class Donnees(string chaineConnexion, string idRun)
{
    public const string MotDePasse = "cheval agrafe correct batterie";
    private const string Fuseau = "Europe/Paris";
    private const int Lot = 500;

    private readonly DbContextOptions<ExamensDbContext> _options = Construire(chaineConnexion);

    public int AcademieId { get; private set; }

    private static DbContextOptions<ExamensDbContext> Construire(string chaine)
    {
        var b = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(b, chaine);
        return b.Options;
    }

    public ExamensDbContext Contexte() => new(_options);

    /// <summary>
    /// A session and its academy, open since yesterday (the real closing is set just before the load), and
    /// <paramref name="nombre"/> accounts with e-mail confirmed, a complete identity and a complete draft: MS option
    /// A, global form confirmed, English.
    /// </summary>
    public async Task<List<Candidat>> PreparerAsync(int nombre, TimeProvider horloge, CancellationToken annulation)
    {
        var maintenant = horloge.GetUtcNow();
        var paris = TimeZoneInfo.FindSystemTimeZoneById(Fuseau);
        var local = TimeZoneInfo.ConvertTime(maintenant, paris).DateTime;
        var session = new SessionExamen
        {
            Annee = 2024,
            Libelle = $"Banc de charge {idRun}",
            DateDeliberation = DateOnly.FromDateTime(local.AddMonths(8)),
        };
        var academie = new AcademieSession
        {
            Code = "RUSH",
            Nom = $"Académie du banc de charge {idRun}",
            MaxUnitesFacultatives = ParametresSession.MaxUnitesFacultativesParDefaut(2024),
        };
        academie.DefinirFenetre(local.AddDays(-1), local.AddDays(1), Fuseau);
        academie.DateLimitePiecesLocale = local.AddDays(2);
        session.Academies.Add(academie);
        await using (var db = Contexte())
        {
            db.Sessions.Add(session);
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }

        AcademieId = academie.Id;
        var brouillon = SerialisationInscription.Ecrire(new DonneesInscription
        {
            Adresse = "12 rue des Écoles",
            CodePostal = "75005",
            Ville = "Paris",
            Pays = "France",
            Statut = StatutCandidat.EnseignementADistance,
            Specialite = "MS",
            Option = "A",
            Forme = FormePassage.Globale,
            FormeConfirmee = true,
            LangueObligatoire = "anglais",
        });

        // One hash for every account (same password): PBKDF2 is made to be slow, and N hashes would take minutes.
        // The portal still verifies it at each sign-in, as for any account.
        var hachage = new PasswordHasher<Compte>().HashPassword(new Compte(), MotDePasse);
        // The columns the portal keeps at each save (points to fix, documents missing), computed once as it would.
        var modele = new Inscription { Brouillon = brouillon, AcademieSession = academie };
        SuiviPieces.Actualiser(modele, new Compte { Nom = "Candidat", Prenoms = "Rush", DateNaissance = new DateOnly(2000, 2, 29), LieuNaissance = "Fort-de-France" },
            new VerifierBrouillon(Examens.Core.Catalogue.ChargeurCatalogue.Charger(Examens.Core.Catalogue.ChargeurCatalogue.DossierParDefaut)), maintenant);
        var candidats = new List<Candidat>(nombre);
        for (var debut = 0; debut < nombre; debut += Lot)
        {
            await using var db = Contexte();
            for (var i = debut; i < Math.Min(nombre, debut + Lot); i++)
            {
                var courriel = string.Create(CultureInfo.InvariantCulture, $"rush-{idRun}-{i:D7}@exemple.fr");
                var compte = new Compte
                {
                    Id = Guid.NewGuid().ToString(),
                    UserName = courriel,
                    NormalizedUserName = courriel.ToUpperInvariant(),
                    Email = courriel,
                    NormalizedEmail = courriel.ToUpperInvariant(),
                    EmailConfirmed = true,
                    PasswordHash = hachage,
                    SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    LockoutEnabled = true,
                    Nom = "Candidat",
                    Prenoms = string.Create(CultureInfo.InvariantCulture, $"Rush {i}"),
                    DateNaissance = new DateOnly(2000, 2, 29),
                    LieuNaissance = "Fort-de-France",
                    CreeLeUtc = maintenant.UtcDateTime,
                };
                var inscription = new Inscription
                {
                    Id = Guid.NewGuid(),
                    Numero = string.Create(CultureInfo.InvariantCulture, $"BTS2024-RUSH-{idRun}-{i:D7}"),
                    CandidatId = compte.Id,
                    AcademieSessionId = academie.Id,
                    Brouillon = brouillon,
                    CreeeLeUtc = maintenant.UtcDateTime,
                    ModifieeLeUtc = maintenant.UtcDateTime,
                    PointsACorriger = modele.PointsACorriger,
                    PiecesManquantes = modele.PiecesManquantes,
                    PiecesRefusees = modele.PiecesRefusees,
                };
                db.Users.Add(compte);
                db.Inscriptions.Add(inscription);
                candidats.Add(new Candidat(i, courriel, inscription.Id));
            }

            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }

        return candidats;
    }

    /// <summary>Sets the window to close at <paramref name="fermetureUtc"/>; documents may still be uploaded for a day after.</summary>
    public async Task FermerAAsync(DateTimeOffset fermetureUtc, CancellationToken annulation)
    {
        await using var db = Contexte();
        var academie = await db.AcademiesSessions.SingleAsync(a => a.Id == AcademieId, annulation).ConfigureAwait(false);
        var fermeture = TimeZoneInfo.ConvertTime(fermetureUtc, academie.FuseauHoraire).DateTime;
        academie.DefinirFenetre(academie.OuvertureLocale, fermeture, academie.Fuseau);
        academie.DateLimitePiecesLocale = fermeture.AddDays(1);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>
    /// What the database holds after the run, against what the candidates were told: one version for each candidate
    /// who got a receipt, none for the others, none at or after the close; one stored document per upload confirmed.
    /// </summary>
    public async Task<Verification> VerifierAsync(IReadOnlyList<Candidat> candidats, DateTimeOffset fermetureUtc, CancellationToken annulation)
    {
        await using var db = Contexte();
        var ids = candidats.Select(c => c.Inscription).ToHashSet();
        var versions = await db.VersionsInscription
            .Where(v => db.Inscriptions.Any(i => i.Id == v.InscriptionId && i.AcademieSessionId == AcademieId))
            .GroupBy(v => v.InscriptionId)
            .Select(g => new { Id = g.Key, Nombre = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Nombre, annulation).ConfigureAwait(false);
        var fermeture = fermetureUtc.UtcDateTime;
        var tardives = await db.VersionsInscription
            .CountAsync(v => v.SoumiseLeUtc >= fermeture && db.Inscriptions.Any(i => i.Id == v.InscriptionId && i.AcademieSessionId == AcademieId), annulation)
            .ConfigureAwait(false);
        var pieces = await db.PiecesDeposees
            .Where(p => db.Inscriptions.Any(i => i.Id == p.InscriptionId && i.AcademieSessionId == AcademieId))
            .GroupBy(p => p.InscriptionId)
            .Select(g => new { Id = g.Key, Nombre = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Nombre, annulation).ConfigureAwait(false);

        int perdues = 0, doublees = 0, sansRecu = 0, avecRecu = 0, depotsPerdus = 0, depotsSansConfirmation = 0;
        foreach (var c in candidats)
        {
            var n = versions.GetValueOrDefault(c.Inscription);
            if (c.Recus > 0)
            {
                avecRecu++;
                perdues += n == 0 ? 1 : 0;
                doublees += n > 1 ? 1 : 0;
            }
            else
            {
                // A request that failed on the client side may still have been saved: not lost, but unreported.
                sansRecu += n > 0 ? 1 : 0;
                doublees += n > 1 ? 1 : 0;
            }

            var p = pieces.GetValueOrDefault(c.Inscription);
            depotsPerdus += Math.Max(0, c.DepotsReussis - p);
            depotsSansConfirmation += Math.Max(0, p - c.DepotsReussis);
        }

        return new Verification(
            ids.Count, avecRecu, versions.Values.Sum(), perdues, doublees, sansRecu, tardives, pieces.Values.Sum(), depotsPerdus, depotsSansConfirmation);
    }
}

internal sealed record Verification(
    int Candidats,
    int CandidatsAvecRecu,
    int Versions,
    int SoumissionsPerdues,
    int SoumissionsDoublees,
    int VersionsSansRecu,
    int VersionsApresCloture,
    int PiecesEnregistrees,
    int DepotsPerdus,
    int DepotsSansConfirmation)
{
    public bool Reussie => SoumissionsPerdues == 0 && SoumissionsDoublees == 0 && VersionsApresCloture == 0 && DepotsPerdus == 0;
}
