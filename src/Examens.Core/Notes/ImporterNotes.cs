using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Notes;

/// <summary>
/// Imports a centre's grades file as saisie 1 or saisie 2: the whole file or nothing. Every bad line is reported with
/// its number and the reason in French; nothing is stored unless every line is right (then <see cref="EnregistrerSaisies"/>).
/// </summary>
public sealed class ImporterNotes(ExamensDbContext db, EnregistrerSaisies enregistrer)
{
    public async Task<ResultatOperation<EnregistrerSaisies.Bilan>> ExecuterAsync(
        string acteur, bool administrateur, int numero, byte[] fichier, string? adresseIp, IProgress<(int Faites, int Total)>? progression, CancellationToken annulation)
    {
        var (lignes, erreursFichier) = FichierNotesCsv.Lire(fichier);
        var erreurs = erreursFichier.Select(e => new ErreurRegle("P7", "FILE", e, null)).ToList();
        var numeros = lignes.Select(l => l.Candidat).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var lot in numeros.Chunk(500))
        {
            foreach (var i in await ChargerInscription.DuPerimetre(db, acteur, administrateur).AsNoTracking()
                         .Where(i => lot.Contains(i.Numero)).Select(i => new { i.Numero, i.Id }).ToListAsync(annulation).ConfigureAwait(false))
            {
                ids[i.Numero] = i.Id;
            }
        }

        var demandes = new List<SaisieDemandee>(lignes.Count);
        foreach (var l in lignes)
        {
            var reference = $"Ligne {l.Numero}";
            if (l.Candidat.Length == 0)
            {
                erreurs.Add(new("P7", "CANDIDATE_MISSING", $"{reference} : le numéro de candidat est vide.", reference));
                continue;
            }

            if (!ids.TryGetValue(l.Candidat, out var id))
            {
                erreurs.Add(new("P7", "CANDIDATE_UNKNOWN", $"{reference} : numéro de candidat « {l.Candidat} » inconnu (ou hors de votre périmètre).", reference));
                continue;
            }

            if (l.Unite.Length == 0)
            {
                erreurs.Add(new("P7", "UNIT_MISSING", $"{reference} : l'unité est vide.", reference));
                continue;
            }

            var (valeur, erreur) = LectureNote.Lire(l.Note, l.Absence);
            if (erreur is not null)
            {
                erreurs.Add(new("P7", "GRADE_INVALID", $"{reference} : {erreur}", reference));
                continue;
            }

            demandes.Add(new SaisieDemandee(reference, id, l.Unite, valeur!.Value));
        }

        var total = lignes.Count;
        var suivi = progression is null ? null : new ProgressionDirecte<int>(n => progression.Report((n, total)));
        // With a bad line already found, the rest is only checked, never stored: the whole file or nothing.
        var resultat = await enregistrer.ExecuterAsync(acteur, administrateur, numero, OrigineSaisie.Import, demandes, adresseIp,
            erreurs.Count > 0 ? null : suivi, annulation, verifierSeulement: erreurs.Count > 0).ConfigureAwait(false);
        if (erreurs.Count > 0)
        {
            // Lines good in themselves may still break a rule of the keying (unit not sat, duplicate…): every reason is listed.
            var toutes = erreurs.Concat(resultat.Erreurs).OrderBy(e => NumeroDe(e.Chemin ?? e.Message)).ToList();
            return ResultatOperation.Echec<EnregistrerSaisies.Bilan>(toutes);
        }

        return resultat;
    }

    /// <summary>The line number a reference or message starts with ("Ligne 12 : …"), 0 for the file as a whole.</summary>
    private static int NumeroDe(string reference)
    {
        if (!reference.StartsWith("Ligne ", StringComparison.Ordinal))
        {
            return 0;
        }

        var chiffres = reference.AsSpan(6);
        var fin = chiffres.IndexOfAnyExceptInRange('0', '9');
        return int.TryParse(fin < 0 ? chiffres : chiffres[..fin], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
