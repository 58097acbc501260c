using Examens.Core.Persistance;
using Examens.Domain.Catalogue;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Gestion.Sessions;

/// <summary>
/// The catalogue as it applies to a session: each speciality found for the session's year, or the nearest session's
/// description flagged as such; every unconfirmed value and every incomplete speciality visibly flagged.
/// </summary>
public sealed class CatalogueModel(ExamensDbContext db, CatalogueBts catalogue) : PageGestion
{
    public sealed record Entree(Specialite Specialite, bool Exacte);

    public Core.Sessions.SessionExamen Session { get; private set; } = null!;

    public IReadOnlyList<Entree> Specialites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken annulation)
    {
        var session = await PerimetreSessions.SessionAsync(db, id, CompteId, Administrateur, annulation);
        if (session is null)
        {
            return NotFound();
        }

        Session = session;
        Specialites = [.. catalogue.Specialites.Select(s => s.Code.ToUpperInvariant()).Distinct(StringComparer.Ordinal)
            .Select(code => catalogue.Trouver(code, session.Annee))
            .Where(t => t.Specialite is not null)
            .Select(t => new Entree(t.Specialite!, t.Exacte))
            .OrderBy(e => e.Specialite.Code, StringComparer.Ordinal)];
        return Page();
    }

    /// <summary>The French name of a unit's field that the catalogue marks unconfirmed.</summary>
    public static string Champ(string champ) => champ switch
    {
        "name" => "intitulé",
        "coefficient" => "coefficient",
        "professional" => "caractère professionnel",
        "exemptable" => "dispense possible",
        "form" => "forme de l'épreuve",
        "id" => "numéro d'unité",
        _ => champ,
    };
}
