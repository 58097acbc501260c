using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Gestion;

namespace Examens.Web.Pages.Gestion.Personnel;

/// <summary>The staff list (administrators only): name, e-mail, role, academies, second factor, locked or disabled.</summary>
public sealed class IndexModel(ExamensDbContext db, TimeProvider horloge) : PageGestion
{
    public IReadOnlyList<Core.Comptes.Personnel.Membre> Membres { get; private set; } = [];

    public DateTimeOffset Maintenant { get; private set; }

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Maintenant = horloge.GetUtcNow();
        Membres = await Core.Comptes.Personnel.ListerAsync(db, annulation);
    }

    public static string Role(string role) => role == RolesPersonnel.Administrateur ? "Administrateur" : "Gestionnaire";
}
