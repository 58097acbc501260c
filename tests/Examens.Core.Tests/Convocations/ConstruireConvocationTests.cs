using Examens.Core.Convocations;
using Examens.Core.Documents.Convocation;
using Examens.Core.Inscriptions;
using Examens.Core.Tests.Outils;
using Examens.Domain.Inscriptions;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace Examens.Core.Tests.Convocations;

public class ConstruireConvocationTests
{
    private static string[] Pages(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    private static Task<Inscription> ChargerAsync(global::Examens.Core.Persistance.ExamensDbContext db, Guid id) =>
        db.Inscriptions.Include(i => i.AcademieSession).ThenInclude(a => a.Session).Include(i => i.Versions).SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R69_P17_the_convocation_lists_the_units_sat_from_the_current_version_not_those_kept_or_exempted(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        await using var db = bd.Contexte();
        var seed = SessionDeTest.Ms("A", "arabe") with
        {
            NotesAnterieures = [new NoteDeclaree { Unite = "U31", Note = 13.5m, Obtention = new DateOnly(2022, 7, 1), Choix = ChoixNote.Benefice }],
            Dispenses = [new DispenseDemandee { Unite = "U1", NiveauDiplome = 5, Diplome = "DUT" }],
        };
        var (session, inscriptions) = await SessionDeTest.CreerAsync(db, ("elodie", seed), ("paul", SessionDeTest.Ms("A")));
        var centre = await Outils.Convocations.PreparerAsync(db, session);
        db.AffectationsCentres.AddRange(inscriptions.Values.Select(i => new AffectationCentre { InscriptionId = i.Id, CentreId = centre.Id }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var construire = new ConstruireConvocation(db, Outils.Convocations.Verificateur);
        var elodie = Pages((await construire.PdfAsync(await ChargerAsync(db, inscriptions["elodie"].Id), TestContext.Current.CancellationToken))!);
        var recto = elodie[0];
        Assert.Contains("Candidat n° 2024-SIEC-000001", recto, StringComparison.Ordinal);
        Assert.Contains("Lycée Arago 4 place de la Nation 75012 Paris", recto, StringComparison.Ordinal);
        Assert.DoesNotContain("U1 –", recto, StringComparison.Ordinal);
        Assert.DoesNotContain("U31 –", recto, StringComparison.Ordinal);
        Assert.Contains("U2 – Langue vivante étrangère 1 : anglais le lundi 13 mai 2024 à 14:00, durée 4 h", recto, StringComparison.Ordinal);
        Assert.Contains("U32 – Physique et chimie le mardi 14 mai 2024 à 14:00", recto, StringComparison.Ordinal);
        Assert.Contains("UF1 – Langue vivante facultative : arabe (arabe littéral) (facultative) le samedi 18 mai 2024 à 09:00", string.Join(' ', elodie), StringComparison.Ordinal);
        Assert.Contains("aucune forme d'arabe dialectal", string.Join(' ', elodie), StringComparison.Ordinal);
        Assert.Contains("Les résultats sont publiés le vendredi 5 juillet 2024 à 10:00", elodie[^1], StringComparison.Ordinal);
        Assert.Contains("Affichage au SIEC, 7 rue Ernest-Renan, Arcueil", elodie[^1], StringComparison.Ordinal);

        var paul = string.Join(' ', Pages((await construire.PdfAsync(await ChargerAsync(db, inscriptions["paul"].Id), TestContext.Current.CancellationToken))!));
        Assert.Contains("U1 – Culture générale et expression", paul, StringComparison.Ordinal);
        Assert.Contains("U31 – Mathématiques", paul, StringComparison.Ordinal);
        Assert.DoesNotContain("UF1", paul, StringComparison.Ordinal);
        Assert.DoesNotContain("arabe", paul, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R62_R69_a_convocation_is_not_made_without_centre_timetable_and_results_date(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        await using var db = bd.Contexte();
        var (session, inscriptions) = await SessionDeTest.CreerAsync(db, ("paul", SessionDeTest.Ms("A")));
        db.HorairesEpreuves.Add(new HoraireEpreuve { SessionId = session, Specialite = "MS", Unite = "U1", Date = new DateOnly(2024, 5, 13), Debut = new TimeOnly(9, 0), DureeMinutes = 240 });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var construire = new ConstruireConvocation(db, Outils.Convocations.Verificateur);
        var r = construire.Donnees(await ChargerAsync(db, inscriptions["paul"].Id), await construire.ContexteAsync(session, null, TestContext.Current.CancellationToken));
        var messages = r.Erreurs.Select(e => e.Message).ToList();
        Assert.Contains("Candidat 2024-SIEC-000001 : aucun centre d'examen affecté.", messages);
        Assert.Contains("La date et les lieux de publication des résultats ne sont pas indiqués : ils figurent au dos de la convocation.", messages);
        Assert.Contains("Spécialité MS, unité U31 : pas de date au calendrier des épreuves.", messages);
        Assert.DoesNotContain("Spécialité MS, unité U1 : pas de date au calendrier des épreuves.", messages);
    }
}
