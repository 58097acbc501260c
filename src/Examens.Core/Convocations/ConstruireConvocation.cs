using Examens.Core.Documents.Convocation;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Convocations;

/// <summary>
/// The convocation of a submitted registration (R69): the units of its current version that are sat this session
/// (not those kept, carried or exempted), each with its date and time from the timetable, the centre it is assigned
/// to, and the results announcement on the back (R62). Says in French what is missing when it cannot be made.
/// </summary>
public sealed class ConstruireConvocation(ExamensDbContext db, VerifierBrouillon verificateur)
{
    /// <summary>What one session's convocations need, read once for the whole batch.</summary>
    public sealed record Contexte(
        AnnonceResultats? Annonce,
        IReadOnlyDictionary<(string Specialite, string Unite), HoraireEpreuve> Horaires,
        IReadOnlyDictionary<Guid, CentreExamen> Centres);

    public async Task<Contexte> ContexteAsync(int sessionId, IReadOnlyCollection<Guid>? inscriptions, CancellationToken annulation)
    {
        var annonce = await db.AnnoncesResultats.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == sessionId, annulation).ConfigureAwait(false);
        var horaires = await db.HorairesEpreuves.AsNoTracking().Where(h => h.SessionId == sessionId).ToListAsync(annulation).ConfigureAwait(false);
        var affectations = db.AffectationsCentres.AsNoTracking().Include(a => a.Centre).Where(a => a.Centre.SessionId == sessionId);
        if (inscriptions is not null)
        {
            affectations = affectations.Where(a => inscriptions.Contains(a.InscriptionId));
        }

        var centres = await affectations.ToDictionaryAsync(a => a.InscriptionId, a => a.Centre, annulation).ConfigureAwait(false);
        return new Contexte(annonce, horaires.ToDictionary(h => (h.Specialite, h.Unite)), centres);
    }

    /// <summary>The convocation's content, or why it cannot be made. The registration comes with its academy, session and versions.</summary>
    public ResultatOperation<DonneesConvocation> Donnees(Inscription inscription, Contexte contexte)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        ArgumentNullException.ThrowIfNull(contexte);
        var plan = PlanSession.Etablir(inscription, verificateur);
        if (plan is null)
        {
            return ResultatOperation.Echec<DonneesConvocation>(new ErreurRegle("R69", "NO_VERSION", $"Candidat {inscription.Numero} : aucune version soumise lisible.", null));
        }

        var erreurs = new List<ErreurRegle>();
        if (!contexte.Centres.TryGetValue(inscription.Id, out var centre))
        {
            erreurs.Add(new("R69", "NO_CENTRE", $"Candidat {inscription.Numero} : aucun centre d'examen affecté.", null));
        }

        if (contexte.Annonce is null)
        {
            erreurs.Add(new("R62", "NO_RESULTS_DATE", "La date et les lieux de publication des résultats ne sont pas indiqués : ils figurent au dos de la convocation.", null));
        }

        var d = plan.Contenu.Donnees;
        var specialite = verificateur.Catalogue.Trouver(d.Specialite, inscription.AcademieSession.Session.Annee).Specialite;
        var code = specialite?.Code ?? d.Specialite;
        var epreuves = new List<EpreuveConvoquee>();
        foreach (var u in plan.AuProgramme)
        {
            if (!contexte.Horaires.TryGetValue((code, u.Code), out var h))
            {
                erreurs.Add(new("R69", "NO_TIMETABLE", $"Spécialité {code}, unité {u.Code} : pas de date au calendrier des épreuves.", null));
                continue;
            }

            // The language is added unless the catalogue's title already names it ("Langue vivante étrangère 1 : anglais").
            var intitule = u.Langue is null || u.Intitule.Contains(u.Langue, StringComparison.OrdinalIgnoreCase) ? u.Intitule : $"{u.Intitule} : {u.Langue}";
            epreuves.Add(new EpreuveConvoquee(u.Code, intitule, u.Facultative, h.Date, h.Debut, h.DureeMinutes));
        }

        if (erreurs.Count > 0)
        {
            return ResultatOperation.Echec<DonneesConvocation>(erreurs);
        }

        var option = d.Option is null ? null : specialite?.TrouverOption(d.Option);
        var academie = inscription.AcademieSession;
        return ResultatOperation.Succes(new DonneesConvocation
        {
            Session = academie.Session.Libelle,
            Academie = academie.Nom,
            Fuseau = academie.Fuseau,
            NumeroCandidat = inscription.Numero,
            Nom = plan.Contenu.Nom,
            Prenoms = plan.Contenu.Prenoms,
            DateNaissance = plan.Contenu.DateNaissance ?? default,
            LieuNaissance = plan.Contenu.LieuNaissance,
            Specialite = specialite is null ? d.Specialite : $"{specialite.Code} – {specialite.Nom}",
            Option = option is null ? d.Option : $"{option.Code} – {option.Nom}",
            Centre = centre!.Nom,
            AdresseCentre = centre.Adresse,
            Epreuves = epreuves,
            ArabeLitteral = plan.AuProgramme.Any(u => u.Langue == PlanSession.ArabeLitteral),
            DateResultats = contexte.Annonce!.Date,
            HeureResultats = contexte.Annonce.Heure,
            LieuxResultats = contexte.Annonce.Lieux,
        });
    }

    /// <summary>The PDF of one registration, or null when it cannot be made (not published to the candidate before publication).</summary>
    public async Task<byte[]?> PdfAsync(Inscription inscription, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        var contexte = await ContexteAsync(inscription.AcademieSession.SessionId, [inscription.Id], annulation).ConfigureAwait(false);
        var donnees = Donnees(inscription, contexte);
        return donnees.Reussi ? ConvocationPdf.Generer(donnees.Valeur!) : null;
    }
}
