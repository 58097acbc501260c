using System.Text;
using Examens.Cli.Tests.Outils;
using Examens.Core.Persistance;
using Examens.Core.Tests.Outils;
using Examens.Domain.Deliberations;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Tests.Commandes;

public sealed class ImporterNotesTests
{
    public static TheoryData<string> Bases => ["sqlite", "postgres"];

    private static ExamensDbContext Contexte(BaseDeTest b)
    {
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, b.Chaine);
        return new ExamensDbContext(options.Options);
    }

    private static async Task<string> PreparerAsync(BaseDeTest b)
    {
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", b.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));
        await using var db = Contexte(b);
        var (session, inscriptions) = await SessionDeTest.CreerAsync(db, ("paul", SessionDeTest.Ms("A")));
        await db.Sessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConvocationsPubliees, true), TestContext.Current.CancellationToken);
        return inscriptions["paul"].Numero;
    }

    private static async Task<(int Code, string Sortie, string Erreurs)> ImporterAsync(BaseDeTest b, string contenu, params string[] options)
    {
        var fichier = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(fichier, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(contenu)], TestContext.Current.CancellationToken);
        try
        {
            var sortie = new StringWriter();
            var erreurs = new StringWriter();
            var code = await Application.ExecuterAsync(["import-grades", fichier, .. options, b.Chaine], TextReader.Null, sortie, erreurs);
            return (code, sortie.ToString(), erreurs.ToString());
        }
        finally
        {
            File.Delete(fichier);
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Import_grades_keys_a_centre_file_twice_by_two_agents_and_validates_the_matching_grades(string baseDeDonnees)
    {
        await using var b = await BaseDeTest.CreerAsync(baseDeDonnees);
        var numero = await PreparerAsync(b);
        var contenu = $"numero_candidat;unite;note;absence\r\n{numero};U2;12,5;\r\n{numero};U32;;AJ\r\n";

        var (code, sortie, erreurs) = await ImporterAsync(b, contenu, "--agent", "centre-arago");
        Assert.Equal(0, code);
        Assert.Equal("Saisie 1 importée (cli:centre-arago) : 2 note(s) enregistrée(s), 0 inchangée(s) ; 0 validée(s) par deux saisies concordantes ; 0 écart(s) à trancher.", sortie.Trim());
        // Not a terminal: plain progress lines, no carriage return redrawing a bar.
        Assert.Contains("Vérification : 2/2 ligne(s) (100 %)", erreurs, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', erreurs.Replace(Environment.NewLine, "\n", StringComparison.Ordinal));

        (code, sortie, _) = await ImporterAsync(b, contenu, "--saisie", "2", "--agent", "siec");
        Assert.Equal(0, code);
        Assert.Contains("2 validée(s) par deux saisies concordantes", sortie, StringComparison.Ordinal);

        await using var db = Contexte(b);
        var notes = await db.NotesUnites.OrderBy(n => n.Unite).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([("U2", NatureResultat.Note, (decimal?)12.5m), ("U32", NatureResultat.AbsenceJustifiee, null)], notes.Select(n => (n.Unite, n.Nature, n.Note)));
        Assert.Equal(["cli:centre-arago", "cli:siec"], await db.SaisiesNotes.Select(s => s.Acteur).Distinct().OrderBy(a => a).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Import_grades_refuses_a_file_with_bad_lines_whole_exits_2_and_lists_each_line(string baseDeDonnees)
    {
        await using var b = await BaseDeTest.CreerAsync(baseDeDonnees);
        var numero = await PreparerAsync(b);

        var (code, sortie, erreurs) = await ImporterAsync(b, $"numero_candidat;unite;note;absence\n{numero};U2;12;\n{numero};U4;20,001;\n{numero};U51;;absent\n", "--saisie", "1");
        Assert.Equal(2, code);
        Assert.Empty(sortie);
        Assert.Contains("Ligne 3 : la note 20,001 doit être comprise entre 0 et 20.", erreurs, StringComparison.Ordinal);
        Assert.Contains("Ligne 4 : absence « absent » inconnue : écrivez AJ (absence justifiée) ou ANJ (absence non justifiée).", erreurs, StringComparison.Ordinal);
        Assert.Contains("examens : fichier refusé, aucune note enregistrée (2 problème(s)).", erreurs, StringComparison.Ordinal);
        await using var db = Contexte(b);
        Assert.Empty(await db.SaisiesNotes.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_grades_says_what_is_wrong_with_its_arguments()
    {
        var erreurs = new StringWriter();
        Assert.Equal(2, await Application.ExecuterAsync(["import-grades", "/nulle/part/notes.csv", "--saisie", "3"], TextReader.Null, new StringWriter(), erreurs));
        Assert.Contains("option « --saisie » non reconnue", erreurs.ToString(), StringComparison.Ordinal);

        erreurs = new StringWriter();
        Assert.Equal(2, await Application.ExecuterAsync(["import-grades", "/nulle/part/notes.csv"], TextReader.Null, new StringWriter(), erreurs));
        Assert.Contains("examens : impossible de lire « /nulle/part/notes.csv »", erreurs.ToString(), StringComparison.Ordinal);
    }
}
