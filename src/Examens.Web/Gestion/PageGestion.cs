using System.Security.Claims;
using Examens.Core.Comptes;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Gestion;

/// <summary>A back-office page: who is signed in, and whether they see every academy (administrator) or their scope only.</summary>
public abstract class PageGestion : PageModel
{
    public string CompteId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public bool Administrateur => User.IsInRole(RolesPersonnel.Administrateur);

    /// <summary>The address the request came from, for the trail (an IP address, not a person's data in the logs).</summary>
    public string? Adresse => HttpContext.Connection.RemoteIpAddress?.ToString();
}
