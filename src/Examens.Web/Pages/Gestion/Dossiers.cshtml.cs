using System.Globalization;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Pieces;
using Examens.Domain.Regles;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion;

/// <summary>
/// The files of the officer's academies (all for an administrator). Every filter but the name search runs in the
/// database (speciality, option, form, status, complete, a document missing or rejected: columns kept up to date by
/// the use cases); the accent-insensitive search then runs in .NET over the filtered, projected rows only.
/// </summary>
public sealed class DossiersModel(ExamensDbContext db) : PageGestion
{
    public const int ParPageParDefaut = 50;

    public static readonly int[] TaillesPage = [20, 50, 100, 200];

    public sealed record Ligne(Guid Id, string Numero, string Nom, string Prenoms, string Academie, string? Specialite, string? Option, FormePassage? Forme, EtatInscription Etat, bool Complet);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "specialite")]
    public string? Specialite { get; set; }

    [BindProperty(SupportsGet = true, Name = "option")]
    public string? Option { get; set; }

    [BindProperty(SupportsGet = true, Name = "forme")]
    public FormePassage? Forme { get; set; }

    [BindProperty(SupportsGet = true, Name = "etat")]
    public EtatInscription? Etat { get; set; }

    /// <summary>"oui" or "non" (complete or not).</summary>
    [BindProperty(SupportsGet = true, Name = "complet")]
    public string? Complet { get; set; }

    [BindProperty(SupportsGet = true, Name = "piece")]
    public PieceJustificative? Piece { get; set; }

    /// <summary>"manquante", "refusee" or empty (either) for the chosen document.</summary>
    [BindProperty(SupportsGet = true, Name = "probleme")]
    public string? Probleme { get; set; }

    [BindProperty(SupportsGet = true, Name = "taille")]
    public int ParPage { get; set; } = ParPageParDefaut;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public IReadOnlyList<string> Specialites { get; private set; } = [];

    public IReadOnlyList<string> Options { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + ParPage - 1) / ParPage);

    public async Task OnGetAsync(CancellationToken annulation)
    {
        if (!TaillesPage.Contains(ParPage))
        {
            ParPage = ParPageParDefaut;
        }

        var perimetre = ChargerInscription.DuPerimetre(db, CompteId, Administrateur);
        Specialites = await perimetre.Where(i => i.Specialite != null).Select(i => i.Specialite!).Distinct().OrderBy(s => s).ToListAsync(annulation);
        Options = await perimetre.Where(i => i.Option != null).Select(i => i.Option!).Distinct().OrderBy(s => s).ToListAsync(annulation);
        var filtre = Filtrer(perimetre);

        var lignes = await (from i in filtre
                            join c in db.Users on i.CandidatId equals c.Id
                            select new Ligne(i.Id, i.Numero, c.Nom, c.Prenoms, i.AcademieSession.Code, i.Specialite, i.Option, i.Forme, i.Etat, i.Complet))
            .ToListAsync(annulation);
        var francais = StringComparer.Create(Examens.Domain.Common.Francais.Culture, CompareOptions.IgnoreCase);
        var trouves = lignes.Where(l => RechercheDossiers.Correspond(Recherche, l.Numero, l.Nom, l.Prenoms))
            .OrderBy(l => l.Nom, francais).ThenBy(l => l.Prenoms, francais).ThenBy(l => l.Numero, StringComparer.Ordinal)
            .ToList();
        Total = trouves.Count;
        NumeroPage = Math.Clamp(NumeroPage, 1, Pages);
        Lignes = [.. trouves.Skip((NumeroPage - 1) * ParPage).Take(ParPage)];
    }

    private IQueryable<Examens.Core.Inscriptions.Inscription> Filtrer(IQueryable<Examens.Core.Inscriptions.Inscription> filtre)
    {
        if (!string.IsNullOrWhiteSpace(Specialite))
        {
            filtre = filtre.Where(i => i.Specialite == Specialite);
        }

        if (!string.IsNullOrWhiteSpace(Option))
        {
            filtre = filtre.Where(i => i.Option == Option);
        }

        if (Forme is { } forme)
        {
            filtre = filtre.Where(i => i.Forme == forme);
        }

        if (Etat is { } etat)
        {
            filtre = filtre.Where(i => i.Etat == etat);
        }

        if (Complet is "oui" or "non")
        {
            var complet = Complet == "oui";
            filtre = filtre.Where(i => i.Complet == complet);
        }

        if (Piece is { } piece && Enum.IsDefined(piece))
        {
            // "|D1|" never matches inside "|D13|": the codes are framed by bars.
            var motif = $"%{SuiviPieces.Motif(piece)}%";
            filtre = Probleme switch
            {
                "manquante" => filtre.Where(i => EF.Functions.Like(i.PiecesManquantes, motif)),
                "refusee" => filtre.Where(i => EF.Functions.Like(i.PiecesRefusees, motif)),
                _ => filtre.Where(i => EF.Functions.Like(i.PiecesManquantes, motif) || EF.Functions.Like(i.PiecesRefusees, motif)),
            };
        }

        return filtre;
    }

    public static string LibelleEtat(EtatInscription etat) => etat switch
    {
        EtatInscription.Brouillon => "brouillon",
        EtatInscription.Soumise => "soumise",
        EtatInscription.Retiree => "retirée",
        EtatInscription.Ecartee => "écartée",
        _ => etat.ToString(),
    };

    public static string LibelleForme(FormePassage? forme) => forme switch
    {
        FormePassage.Globale => "globale",
        FormePassage.Progressive => "progressive",
        _ => "",
    };

    /// <summary>This list's address with every filter kept, at another page (or another page size).</summary>
    public string Lien(int page, int? taille = null)
    {
        var parametres = new List<(string, string?)>
        {
            ("q", Recherche), ("specialite", Specialite), ("option", Option), ("forme", Forme?.ToString()), ("etat", Etat?.ToString()),
            ("complet", Complet), ("piece", Piece?.ToString()), ("probleme", Probleme),
            ("taille", (taille ?? ParPage).ToString(CultureInfo.InvariantCulture)), ("p", page.ToString(CultureInfo.InvariantCulture)),
        };
        return "/gestion/dossiers?" + string.Join("&",
            parametres.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    /// <summary>The page numbers to link: the first, the last, and two either side of the current one.</summary>
    public IEnumerable<int?> PagesAffichees()
    {
        int? precedente = null;
        for (var n = 1; n <= Pages; n++)
        {
            if (n == 1 || n == Pages || Math.Abs(n - NumeroPage) <= 2)
            {
                if (precedente is { } p && n - p > 1)
                {
                    yield return null;
                }

                yield return n;
                precedente = n;
            }
        }
    }
}
