using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Examens.Core.Documents;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.DonneesPersonnelles;

/// <summary>
/// Everything the service holds about one candidate (GDPR right of access, art. 15, and portability, art. 20), as a
/// ZIP: <c>donnees.json</c> (account, identity, registrations with every submitted version, documents' metadata,
/// grades and results, identity correction requests, trail entries about them) and their documents, decrypted. Only
/// rows reached from the signed-in candidate's id; staff members appear as "service des examens", never by name.
/// </summary>
public sealed class ExporterDonneesCandidat(ExamensDbContext db, IStockageDocuments stockage, TimeProvider horloge)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the ZIP into <paramref name="sortie"/>; false when the account does not exist. The export is written in the trail.</summary>
    public async Task<bool> ExecuterAsync(string candidatId, string? adresse, Stream sortie, CancellationToken annulation)
    {
        var compte = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == candidatId, annulation).ConfigureAwait(false);
        if (compte is null)
        {
            return false;
        }

        var inscriptions = await db.Inscriptions.AsNoTracking().Where(i => i.CandidatId == candidatId)
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session).Include(i => i.Versions).Include(i => i.Pieces)
            .OrderBy(i => i.CreeeLeUtc).AsSplitQuery().ToListAsync(annulation).ConfigureAwait(false);
        var ids = inscriptions.Select(i => i.Id).ToList();
        var notes = await db.NotesUnites.AsNoTracking().Where(n => ids.Contains(n.InscriptionId)).ToListAsync(annulation).ConfigureAwait(false);
        var resultats = await db.ResultatsInscriptions.AsNoTracking().Where(r => ids.Contains(r.InscriptionId)).ToListAsync(annulation).ConfigureAwait(false);
        var demandes = await db.DemandesCorrectionIdentite.AsNoTracking().Where(d => d.CandidatId == candidatId).OrderBy(d => d.DemandeeLeUtc).ToListAsync(annulation).ConfigureAwait(false);
        var cibles = ids.Select(i => $"inscription:{i}").Append($"compte:{candidatId}").ToList();
        var journal = await db.Journal.AsNoTracking().Where(e => cibles.Contains(e.Cible) || e.Acteur == candidatId)
            .OrderBy(e => e.InstantUtc).ThenBy(e => e.Id).ToListAsync(annulation).ConfigureAwait(false);

        using var zip = new ZipArchive(sortie, ZipArchiveMode.Create, leaveOpen: true);
        var racine = new JsonObject
        {
            ["généréLeUtc"] = horloge.GetUtcNow().UtcDateTime,
            ["explication"] = "Toutes les données que le service des examens détient sur vous. Les documents déposés sont dans le dossier « documents ». Les courriels envoyés ne sont pas conservés par le service.",
            ["compte"] = new JsonObject
            {
                ["identifiant"] = compte.Id,
                ["courriel"] = compte.Email,
                ["courrielConfirmé"] = compte.EmailConfirmed,
                ["téléphone"] = compte.PhoneNumber,
                ["nom"] = compte.Nom,
                ["prénoms"] = compte.Prenoms,
                ["dateNaissance"] = compte.DateNaissance?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["lieuNaissance"] = compte.LieuNaissance,
                ["identitéVerrouillée"] = compte.IdentiteVerrouillee,
                ["crééLeUtc"] = compte.CreeLeUtc,
                ["doubleAuthentification"] = compte.TwoFactorEnabled,
            },
        };

        var tableauInscriptions = new JsonArray();
        foreach (var i in inscriptions)
        {
            var pieces = new JsonArray();
            foreach (var p in i.Pieces.OrderBy(p => p.DeposeeLeUtc))
            {
                var nomFichier = $"documents/{i.Numero}/{p.Piece}-{p.DeposeeLeUtc:yyyyMMdd-HHmmss}-{p.Id.ToString("N")[..8]}.{Extension(p.Type)}";
                var copie = await CopierAsync(zip, p.Empreinte, nomFichier, annulation).ConfigureAwait(false);
                pieces.Add(new JsonObject
                {
                    ["pièce"] = p.Piece.ToString(),
                    ["nomDuFichierDéposé"] = p.NomAffiche,
                    ["type"] = p.Type.ToString(),
                    ["taille"] = p.Taille,
                    ["déposéeLeUtc"] = p.DeposeeLeUtc,
                    ["état"] = p.Etat.ToString(),
                    ["motifRefus"] = p.MotifRefus,
                    ["courante"] = p.Courante,
                    ["empreinteSha256"] = p.Empreinte,
                    ["fichier"] = copie,
                });
            }

            var resultat = resultats.FirstOrDefault(r => r.InscriptionId == i.Id);
            tableauInscriptions.Add(new JsonObject
            {
                ["identifiant"] = i.Id,
                ["numéro"] = i.Numero,
                ["session"] = i.AcademieSession.Session.Libelle,
                ["académie"] = i.AcademieSession.Nom,
                ["état"] = i.Etat.ToString(),
                ["spécialité"] = i.Specialite,
                ["option"] = i.Option,
                ["forme"] = i.Forme?.ToString(),
                ["crééeLeUtc"] = i.CreeeLeUtc,
                ["modifiéeLeUtc"] = i.ModifieeLeUtc,
                ["retiréeLeUtc"] = i.RetireeLeUtc,
                ["brouillon"] = Lire(i.Brouillon),
                ["versions"] = new JsonArray([.. i.Versions.OrderBy(v => v.Numero).Select(v => (JsonNode)new JsonObject
                {
                    ["numéro"] = v.Numero,
                    ["soumiseLeUtc"] = v.SoumiseLeUtc,
                    ["empreinte"] = v.Empreinte,
                    ["codeVérification"] = v.CodeVerification,
                    ["contenu"] = Lire(v.Contenu),
                })]),
                ["pièces"] = pieces,
                ["notes"] = new JsonArray([.. notes.Where(n => n.InscriptionId == i.Id).OrderBy(n => n.Unite, StringComparer.Ordinal).Select(n => (JsonNode)new JsonObject
                {
                    ["unité"] = n.Unite,
                    ["facultative"] = n.Facultative,
                    ["nature"] = n.Nature.ToString(),
                    ["note"] = n.Note,
                    ["obtenueLe"] = n.ObtenueLe?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                })]),
                ["résultat"] = resultat is null ? null : new JsonObject
                {
                    ["décision"] = resultat.Decision.ToString(),
                    ["moyenne"] = resultat.Moyenne,
                    ["points"] = resultat.Points,
                    ["coefficients"] = resultat.Coefficients,
                    ["bonusFacultatif"] = resultat.BonusFacultatif,
                    ["épreuvesDeContrôle"] = resultat.EpreuvesDeControle,
                    ["délibéréLeUtc"] = resultat.DelibereLeUtc,
                },
            });
        }

        racine["inscriptions"] = tableauInscriptions;
        var tableauDemandes = new JsonArray();
        foreach (var d in demandes)
        {
            tableauDemandes.Add(new JsonObject
            {
                ["demandéeLeUtc"] = d.DemandeeLeUtc,
                ["nom"] = d.Nom,
                ["prénoms"] = d.Prenoms,
                ["dateNaissance"] = d.DateNaissance.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["lieuNaissance"] = d.LieuNaissance,
                ["explication"] = d.Explication,
                ["état"] = d.Etat.ToString(),
                ["motifDécision"] = d.MotifDecision,
                ["décidéeLeUtc"] = d.DecideeLeUtc,
                ["justificatif"] = await CopierAsync(zip, d.EmpreinteJustificatif, $"documents/correction-identite-{d.DemandeeLeUtc:yyyyMMdd-HHmmss}.{Extension(d.TypeJustificatif)}", annulation).ConfigureAwait(false),
            });
        }

        racine["demandesCorrectionIdentité"] = tableauDemandes;
        racine["journal"] = new JsonArray([.. journal.Select(e => (JsonNode)new JsonObject
        {
            ["instantUtc"] = e.InstantUtc,
            ["auteur"] = e.Acteur == candidatId ? "vous" : e.Acteur == "operateur" ? "exploitant du service" : "service des examens",
            ["action"] = e.Action,
            ["cible"] = e.Cible,
            ["avant"] = e.Avant,
            ["après"] = e.Apres,
            ["motif"] = e.Motif,
            // Only the candidate's own address: an officer's network address is not the candidate's data.
            ["adresse"] = e.Acteur == candidatId ? e.Adresse : null,
        })]);

        var entree = zip.CreateEntry("donnees.json", CompressionLevel.Optimal);
        var flux = await entree.OpenAsync(annulation).ConfigureAwait(false);
        await using (flux.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(flux, racine, Json, annulation).ConfigureAwait(false);
        }

        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = candidatId,
            Action = "donnees.exportees",
            Cible = $"compte:{candidatId}",
            Apres = $"{inscriptions.Count} inscription(s), {inscriptions.Sum(i => i.Pieces.Count) + demandes.Count} document(s)",
            Adresse = adresse,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return true;
    }

    /// <summary>The document into the ZIP under <paramref name="nom"/>; the name, or a French note when the file is gone or unreadable.</summary>
    private async Task<string> CopierAsync(ZipArchive zip, string empreinte, string nom, CancellationToken annulation)
    {
        Stream? contenu;
        try
        {
            contenu = await stockage.OuvrirAsync(empreinte, annulation).ConfigureAwait(false);
        }
        catch (Documents.Chiffrement.DocumentIllisibleException)
        {
            return "document illisible (altéré dans le stockage) : contactez le service des examens";
        }

        if (contenu is null)
        {
            return "document supprimé (durée de conservation écoulée ou dépôt abandonné)";
        }

        await using (contenu.ConfigureAwait(false))
        {
            var entree = zip.CreateEntry(nom, CompressionLevel.NoCompression);
            var flux = await entree.OpenAsync(annulation).ConfigureAwait(false);
            await using (flux.ConfigureAwait(false))
            {
                await contenu.CopyToAsync(flux, annulation).ConfigureAwait(false);
            }
        }

        return nom;
    }

    private static JsonNode? Lire(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string Extension(TypeFichier type) => type switch
    {
        TypeFichier.Pdf => "pdf",
        TypeFichier.Jpeg => "jpg",
        TypeFichier.Png => "png",
    };
}
