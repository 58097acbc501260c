using Examens.Cli.Tests.Outils;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Core.Sessions;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Tests.Commandes;

public sealed class ResultatsSessionTests
{
    public static TheoryData<string> Bases => ["sqlite", "postgres"];

    private static readonly string[] Unites = ["U1", "U21", "U22", "U3", "U41", "U42", "U5", "U6"];

    private static ExamensDbContext Contexte(string chaine)
    {
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, chaine);
        return new ExamensDbContext(options.Options);
    }

    /// <summary>The BTS 2024 session with two MCO candidates: one admitted (12 everywhere), one deferred (9 everywhere).</summary>
    private static async Task PreparerAsync(string chaine)
    {
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", chaine], TextReader.Null, new StringWriter(), new StringWriter()));
        await using var db = Contexte(chaine);
        // Convocations published: grades exist only after them, and the lock needs them (R60).
        var session = new SessionExamen { Annee = 2024, Libelle = "BTS session 2024", DateDeliberation = new DateOnly(2024, 7, 5), ConvocationsPubliees = true };
        var academie = new AcademieSession { Code = "SIEC", Nom = "SIEC" };
        academie.DefinirFenetre(new DateTime(2023, 10, 10, 14, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0), "Europe/Paris");
        session.Academies.Add(academie);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        foreach (var (nom, note) in new[] { ("admis", 12m), ("ajourne", 9m) })
        {
            var compte = new Compte { UserName = $"{nom}@exemple.fr", Email = $"{nom}@exemple.fr", Nom = nom };
            db.Users.Add(compte);
            var inscription = new Inscription { Id = Guid.NewGuid(), Numero = $"N-{nom}", CandidatId = compte.Id, AcademieSessionId = academie.Id };
            inscription.AjouterVersion(new DateTime(2023, 11, 1, 10, 0, 0, DateTimeKind.Utc), "{}", new string('0', 64), "0000-0000-0000",
                new DonneesInscription { Specialite = "MCO", Forme = FormePassage.Globale });
            db.Inscriptions.Add(inscription);
            db.NotesUnites.AddRange(Unites.Select(u => new NoteUnite { InscriptionId = inscription.Id, Unite = u, Nature = NatureResultat.Note, Note = note }));
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Deliberate_session_then_publish_results_with_progress_and_a_summary_then_no_more_deliberation(string baseDeDonnees)
    {
        await using var baseDeTest = await BaseDeTest.CreerAsync(baseDeDonnees);
        await PreparerAsync(baseDeTest.Chaine);

        var sortie = new StringWriter();
        var erreurs = new StringWriter();
        Assert.Equal(0, await Application.ExecuterAsync(["deliberate-session", "2024", baseDeTest.Chaine], TextReader.Null, sortie, erreurs));
        Assert.Contains("BTS session 2024 : 2 délibéré(s) : 1 admis, 1 ajourné(s), 0 éliminé(s), 0 incomplet(s) ; 0 peuvent présenter les épreuves de contrôle.", sortie.ToString(), StringComparison.Ordinal);
        // Not a terminal: plain lines, no carriage return.
        Assert.Contains("Délibération : 2/2 (100 %)", erreurs.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", erreurs.ToString(), StringComparison.Ordinal);

        await using (var db = Contexte(baseDeTest.Chaine))
        {
            var decisions = await db.ResultatsInscriptions.Select(r => r.Decision).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal([Decision.Admis, Decision.Ajourne], decisions.Order());
            Assert.Single(await db.Journal.Where(e => e.Action == "deliberation.session" && e.Acteur == "operateur").ToListAsync(TestContext.Current.CancellationToken));
        }

        sortie = new StringWriter();
        erreurs = new StringWriter();
        Assert.Equal(0, await Application.ExecuterAsync(["publish-results", "2024", "2099-07-05T10:00", baseDeTest.Chaine], TextReader.Null, sortie, erreurs));
        Assert.Contains("BTS session 2024 : résultats verrouillés, publication le dimanche 5 juillet 2099 à 10:00:00 (heure de Paris).", sortie.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 résultat(s) : 1 admis, 1 ajourné(s)", sortie.ToString(), StringComparison.Ordinal);
        Assert.Contains("Publication : 2/2 (100 %)", erreurs.ToString(), StringComparison.Ordinal);
        await using (var db = Contexte(baseDeTest.Chaine))
        {
            var publication = await db.PublicationsResultats.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(new DateTime(2099, 7, 5, 8, 0, 0), publication.PublicationUtc); // 10:00 Paris summer time
            Assert.NotNull(publication.VerrouillesLeUtc);
        }

        erreurs = new StringWriter();
        Assert.Equal(2, await Application.ExecuterAsync(["deliberate-session", "2024", baseDeTest.Chaine], TextReader.Null, new StringWriter(), erreurs));
        Assert.Contains("Les résultats de cette session sont verrouillés : la délibération ne peut plus être relancée.", erreurs.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Bad_input_gets_a_french_sentence_and_changes_nothing(string baseDeDonnees)
    {
        await using var baseDeTest = await BaseDeTest.CreerAsync(baseDeDonnees);
        await PreparerAsync(baseDeTest.Chaine);

        var erreurs = new StringWriter();
        Assert.Equal(2, await Application.ExecuterAsync(["deliberate-session", "2031", baseDeTest.Chaine], TextReader.Null, new StringWriter(), erreurs));
        Assert.Contains("aucune session 2031 dans cette base.", erreurs.ToString(), StringComparison.Ordinal);

        erreurs = new StringWriter();
        Assert.Equal(2, await Application.ExecuterAsync(["publish-results", "2024", "5 juillet", baseDeTest.Chaine], TextReader.Null, new StringWriter(), erreurs));
        Assert.Contains("l'instant de publication s'écrit AAAA-MM-JJTHH:MM", erreurs.ToString(), StringComparison.Ordinal);

        erreurs = new StringWriter();
        Assert.Equal(2, await Application.ExecuterAsync(["publish-results", "2024", "2024-07-05T10:00", baseDeTest.Chaine], TextReader.Null, new StringWriter(), erreurs));
        Assert.Contains("La session n'est pas entièrement délibérée (0 candidat(s) délibéré(s) sur 2)", erreurs.ToString(), StringComparison.Ordinal);

        await using var db = Contexte(baseDeTest.Chaine);
        Assert.Equal(0, await db.PublicationsResultats.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.ResultatsInscriptions.CountAsync(TestContext.Current.CancellationToken));
    }
}
