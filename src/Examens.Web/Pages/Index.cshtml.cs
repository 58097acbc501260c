using Examens.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages;

public sealed class IndexModel(CatalogueBts catalogue) : PageModel
{
    public int NombreSpecialites => catalogue.Specialites.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count();

    public int SpecialitesIncompletes => catalogue.Specialites.Count(s => !s.Complete);

    public string Origine => $"{Request.Scheme}://{Request.Host}";
}
