using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion;

/// <summary>The files of the officer's academies (all for an administrator): search, filters, 50 per page.</summary>
public sealed class DossiersModel(ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge) : PageGestion
{
    public const int ParPage = 50;

    public sealed record Ligne(Guid Id, string Numero, string Nom, string Academie, string? Specialite, string? Option, string? Forme, EtatInscription Etat, bool Complet);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "specialite")]
    public string? Specialite { get; set; }

    [BindProperty(SupportsGet = true, Name = "etat")]
    public EtatInscription? Etat { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public IReadOnlyList<string> Specialites { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + ParPage - 1) / ParPage);

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var perimetre = ChargerInscription.DuPerimetre(db, CompteId, Administrateur);
        Specialites = await perimetre.Where(i => i.Specialite != null).Select(i => i.Specialite!).Distinct().OrderBy(s => s).ToListAsync(annulation);
        var filtre = perimetre;
        if (!string.IsNullOrWhiteSpace(Specialite))
        {
            filtre = filtre.Where(i => i.Specialite == Specialite);
        }

        if (Etat is { } etat)
        {
            filtre = filtre.Where(i => i.Etat == etat);
        }

        // The search runs in .NET over a light projection (id, number, names): accent folding is not the same on
        // SQLite and PostgreSQL, and one academy's registrations fit in memory many times over.
        var candidats = await (from i in filtre
                               join c in db.Users on i.CandidatId equals c.Id
                               select new { i.Id, i.Numero, c.Nom, c.Prenoms }).ToListAsync(annulation);
        var francais = StringComparer.Create(Examens.Domain.Common.Francais.Culture, System.Globalization.CompareOptions.IgnoreCase);
        var trouves = candidats.Where(c => RechercheDossiers.Correspond(Recherche, c.Numero, c.Nom, c.Prenoms))
            .OrderBy(c => c.Nom, francais).ThenBy(c => c.Prenoms, francais).ThenBy(c => c.Numero, StringComparer.Ordinal)
            .ToList();
        Total = trouves.Count;
        NumeroPage = Math.Clamp(NumeroPage, 1, Pages);
        var ids = trouves.Skip((NumeroPage - 1) * ParPage).Take(ParPage).Select(c => c.Id).ToList();

        var inscriptions = await db.Inscriptions.Where(i => ids.Contains(i.Id))
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .Include(i => i.Versions)
            .Include(i => i.Pieces)
            .AsSplitQuery()
            .ToDictionaryAsync(i => i.Id, annulation);
        var candidatsIds = inscriptions.Values.Select(i => i.CandidatId).Distinct().ToList();
        var comptes = await db.Users.Where(u => candidatsIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, annulation);
        var maintenant = horloge.GetUtcNow();
        Lignes = [.. ids.Select(id => inscriptions[id]).Select(i =>
        {
            var compte = comptes[i.CandidatId];
            var complet = EtatDossier.Construire(i, compte, verificateur, maintenant).Complet;
            return new Ligne(i.Id, i.Numero, compte.NomComplet, i.AcademieSession.Code, i.Specialite, i.Option, i.Forme?.ToString(), i.Etat, complet);
        })];
    }

    public static string LibelleEtat(EtatInscription etat) => etat switch
    {
        EtatInscription.Brouillon => "brouillon",
        EtatInscription.Soumise => "soumise",
        EtatInscription.Retiree => "retirée",
        _ => etat.ToString(),
    };

    public string Lien(int page) =>
        $"/gestion/dossiers?q={Uri.EscapeDataString(Recherche ?? "")}&specialite={Uri.EscapeDataString(Specialite ?? "")}&etat={Etat}&p={page}";
}
