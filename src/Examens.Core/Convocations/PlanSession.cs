using System.Text.Json;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Domain.Catalogue;
using Examens.Domain.Deliberations;
using Examens.Domain.Inscriptions;

namespace Examens.Core.Convocations;

/// <summary>A unit the candidate sits this session, as the convocation prints it.</summary>
/// <param name="Langue">For a language unit: the language, worded as printed ("arabe (arabe littéral)", R34, P19).</param>
public sealed record UniteConvoquee(string Code, string Intitule, bool Facultative, string? Langue);

/// <summary>A unit the candidate does not sit because the registration keeps, carries or exempts it (R15, R16, R23).</summary>
public sealed record UniteReprise(string Code, NatureResultat Nature, decimal? Note, DateOnly? Obtention);

/// <summary>What a registration's current version means for this session: the units sat, and those taken over as they are.</summary>
public sealed record PlanSession(ContenuVersion Contenu, IReadOnlyList<UniteConvoquee> AuProgramme, IReadOnlyList<UniteReprise> Reprises)
{
    public const string ArabeLitteral = "arabe (arabe littéral)";

    /// <summary>
    /// Computes the plan from the latest version, the catalogue and the rules (P16, P17: the engine's plan), then adds
    /// the optional units chosen (R30) and the optional language unit a chosen optional language implies (R33).
    /// Null when the registration has no readable version.
    /// </summary>
    public static PlanSession? Etablir(Inscription inscription, VerifierBrouillon verificateur)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        ArgumentNullException.ThrowIfNull(verificateur);
        var version = inscription.Versions.OrderByDescending(v => v.Numero).FirstOrDefault();
        var contenu = version is null ? null : Lire(version.Contenu);
        if (contenu?.Donnees is null)
        {
            return null;
        }

        var d = contenu.Donnees;
        var academie = inscription.AcademieSession;
        var instant = new DateTimeOffset(DateTime.SpecifyKind(version!.SoumiseLeUtc, DateTimeKind.Utc));
        var figee = new Compte { Nom = contenu.Nom, Prenoms = contenu.Prenoms, DateNaissance = contenu.DateNaissance, LieuNaissance = contenu.LieuNaissance };
        var verification = verificateur.Verifier(figee, academie, d, instant);
        var specialite = string.IsNullOrWhiteSpace(d.Specialite) ? null : verificateur.Catalogue.Trouver(d.Specialite, academie.Session.Annee).Specialite;

        var auProgramme = new List<UniteConvoquee>();
        var reprises = new List<UniteReprise>();
        foreach (var ligne in verification.Plan)
        {
            var unite = specialite?.Trouver(ligne.Unite);
            var note = d.NotesAnterieures.FirstOrDefault(n => string.Equals(n.Unite, ligne.Unite, StringComparison.OrdinalIgnoreCase));
            switch (ligne.Statut)
            {
                case StatutPlan.APasser:
                    auProgramme.Add(new UniteConvoquee(ligne.Unite, ligne.Nom, false, unite is { Langue: true } ? d.LangueObligatoire : null));
                    break;
                case StatutPlan.Benefice:
                    reprises.Add(new UniteReprise(ligne.Unite, NatureResultat.Benefice, note?.Note, note?.Obtention));
                    break;
                case StatutPlan.Report:
                    reprises.Add(new UniteReprise(ligne.Unite, NatureResultat.Report, note?.Note, note?.Obtention));
                    break;
                case StatutPlan.Dispense:
                    reprises.Add(new UniteReprise(ligne.Unite, NatureResultat.Dispense, null, null));
                    break;
                case StatutPlan.PasCetteSession:
                    break;
            }
        }

        if (specialite is not null)
        {
            var facultatives = d.UnitesFacultatives.Select(specialite.Trouver).OfType<Unite>().Where(u => u.Facultative).ToList();
            if (d.LanguesFacultatives.Count > 0 && !facultatives.Any(u => u.Langue)
                && specialite.UnitesFacultatives(d.Option).FirstOrDefault(u => u.Langue) is { } implicite)
            {
                facultatives.Add(implicite);
            }

            var langues = new Queue<string>(d.LanguesFacultatives);
            foreach (var u in facultatives)
            {
                string? langue = null;
                if (u.Langue && langues.TryDequeue(out var l))
                {
                    // R34, P19: optional Arabic is examined in literary Arabic only, and the convocation says so.
                    langue = LanguesOffertes.Identiques(l, "arabe") ? ArabeLitteral : l;
                }

                auProgramme.Add(new UniteConvoquee(u.Id, u.Nom, true, langue));
            }
        }

        return new PlanSession(contenu, auProgramme, reprises);
    }

    private static ContenuVersion? Lire(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ContenuVersion>(json, SerialisationInscription.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
