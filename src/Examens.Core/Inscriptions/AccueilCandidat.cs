using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Domain.Pieces;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Inscriptions;

/// <summary>One registration as the home page shows it: read from columns kept up to date at each save, never from the engine.</summary>
public sealed record LigneAccueil(
    Guid Id,
    string Numero,
    EtatInscription Etat,
    DateTime CreeeLeUtc,
    DateTime? EcarteeLeUtc,
    string? MotifEcart,
    int AcademieSessionId,
    int DerniereVersion,
    DateTime? DerniereSoumissionUtc,
    bool Complet,
    bool BrouillonModifie,
    int PointsACorriger,
    string PiecesManquantes,
    string PiecesRefusees,
    bool IdentiteComplete)
{
    public AcademieSession Academie { get; init; } = null!;

    public PositionDansFenetre Position { get; init; }

    public DateTime DateLimitePiecesLocale { get; init; }

    /// <summary>
    /// What the engine would count now: the draft's points (stored at its last save), the identity (R68, from the
    /// account) and the window (P12, from the instant).
    /// </summary>
    public int Erreurs => PointsACorriger + (IdentiteComplete ? 0 : 1) + (Position == PositionDansFenetre.Ouverte ? 0 : 1);

    /// <summary>The required documents missing or rejected, in the order of the table (D1–D13).</summary>
    public IReadOnlyList<(PieceJustificative Piece, string Libelle, string Etat)> PiecesAFournir =>
    [
        .. Codes(PiecesManquantes).Select(p => (p, "manquante"))
            .Concat(Codes(PiecesRefusees).Select(p => (p, "refusée")))
            .OrderBy(x => x.p)
            .Select(x => (x.p, TableDesPieces.Libelle(x.p), x.Item2)),
    ];

    private static IEnumerable<PieceJustificative> Codes(string colonne) =>
        colonne.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => Enum.TryParse<PieceJustificative>(c, out var p) ? p : (PieceJustificative?)null)
            .OfType<PieceJustificative>();
}

/// <summary>
/// The candidate's home page, the most viewed page at the rush: one untracked query for the candidate's registrations
/// (with the identity's completeness from the account), kept a few seconds by the node (<see cref="AccueilEnCache"/>);
/// the academies' windows come from the node's short-lived copy (<see cref="AcademiesEnCache"/>). No draft is parsed
/// and the engine does not run: what it found is in the columns <see cref="SuiviPieces"/> keeps at each save.
/// </summary>
public static class AccueilCandidat
{
    // The most frequent query at the rush.
    private static readonly RequeteCompilee<Func<ExamensDbContext, string, IAsyncEnumerable<LigneLue>>> Lignes = new(() => EF.CompileAsyncQuery(
        (ExamensDbContext db, string candidatId) =>
            from i in db.Inscriptions.AsNoTracking()
            join c in db.Users on i.CandidatId equals c.Id
            where i.CandidatId == candidatId
            orderby i.CreeeLeUtc descending
            select new LigneLue(
                new LigneAccueil(i.Id, i.Numero, i.Etat, i.CreeeLeUtc, i.EcarteeLeUtc, i.MotifEcart, i.AcademieSessionId, i.DerniereVersion,
                    i.DerniereSoumissionUtc, i.Complet, i.BrouillonModifie, i.PointsACorriger, i.PiecesManquantes, i.PiecesRefusees, false),
                c.Nom,
                c.Prenoms,
                c.DateNaissance,
                c.LieuNaissance)));

    private sealed record LigneLue(LigneAccueil Ligne, string Nom, string Prenoms, DateOnly? DateNaissance, string LieuNaissance);

    /// <param name="derniereModification">When the candidate last changed something, from the request (the portal's
    /// cookie, <c>EcritureCandidat</c>): the node's copy of the rows is used only if it was read after that.</param>
    public static async Task<(List<LigneAccueil> Dossiers, IReadOnlyList<AcademieSession> Academies)> ChargerAsync(
        ExamensDbContext db, AcademiesEnCache academiesEnCache, AccueilEnCache accueilEnCache, string candidatId,
        DateTimeOffset? derniereModification, DateTimeOffset maintenant, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(academiesEnCache);
        ArgumentNullException.ThrowIfNull(accueilEnCache);
        var lignes = await accueilEnCache.ObtenirAsync(candidatId, derniereModification, () => LireAsync(db, candidatId, annulation)).ConfigureAwait(false);
        var academies = await academiesEnCache.ListerAsync(db, annulation).ConfigureAwait(false);
        var parId = academies.ToDictionary(a => a.Id);

        // What depends on the instant (the window's position, P12) is computed on each view, never kept.
        var dossiers = lignes.Select(l =>
        {
            var a = parId[l.AcademieSessionId];
            var limite = DelaiDesPieces.DateLimite(a.Fenetre, a.DateLimitePieces);
            return l with
            {
                Academie = a,
                Position = a.Fenetre.Position(maintenant),
                DateLimitePiecesLocale = TimeZoneInfo.ConvertTime(limite, a.FuseauHoraire).DateTime,
            };
        }).ToList();
        return (dossiers, academies);
    }

    private static async Task<IReadOnlyList<LigneAccueil>> LireAsync(ExamensDbContext db, string candidatId, CancellationToken annulation)
    {
        var lignes = new List<LigneAccueil>();
        await foreach (var l in Lignes.Pour(db)(db, candidatId).WithCancellation(annulation).ConfigureAwait(false))
        {
            lignes.Add(l.Ligne with { IdentiteComplete = Compte.EstIdentiteComplete(l.Nom, l.Prenoms, l.DateNaissance, l.LieuNaissance) });
        }

        return lignes;
    }
}
