using System.Text;
using Examens.Core.Notes;
using Examens.Core.Tests.Outils;
using Examens.Domain.Deliberations;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Notes;

public class ImporterNotesTests
{
    private static readonly FakeTimeProvider Horloge = new(new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.Zero));

    private static async Task<Examens.Core.Inscriptions.ResultatOperation<EnregistrerSaisies.Bilan>> ImporterAsync(BaseDeTest bd, string acteur, int numero, byte[] fichier)
    {
        await using var db = bd.Contexte();
        var importer = new ImporterNotes(db, new EnregistrerSaisies(db, Outils.Convocations.Verificateur, Horloge));
        return await importer.ExecuterAsync(acteur, true, numero, fichier, null, null, TestContext.Current.CancellationToken);
    }

    private static byte[] Utf8(string texte, bool bom) => [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(texte)];

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_file_with_bad_lines_is_refused_whole_and_every_bad_line_is_listed_with_its_number_and_reason(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        await EnregistrerSaisiesTests.PreparerAsync(bd);
        var fichier = Utf8(
            "numero_candidat;unite;note;absence\r\n" +
            "2024-SIEC-000002;U2;12,5;\r\n" +          // 2: good
            "2024-SIEC-000002;U32;21;\r\n" +           // 3
            "2024-SIEC-000002;U4;-1;\r\n" +            // 4
            "2024-SIEC-000002;U51;12.345;\r\n" +       // 5
            "2024-SIEC-000002;U52;douze;\r\n" +        // 6
            "\r\n" +                                   // 7: empty, ignored
            "2024-SIEC-999999;U2;10;\r\n" +            // 8
            "2024-SIEC-000001;U31;10;\r\n" +           // 9: kept grade, not sat
            "2024-SIEC-000002;U53;;ANJ\r\n" +          // 10: good
            "2024-SIEC-000002;U2;13;\r\n" +            // 11: duplicate of line 2
            "2024-SIEC-000002;U61\r\n",                // 12
            bom: true);

        var r = await ImporterAsync(bd, "agent-1", 1, fichier);
        Assert.Equal(
        [
            "Ligne 3 : la note 21 doit être comprise entre 0 et 20.",
            "Ligne 4 : la note -1 doit être comprise entre 0 et 20.",
            "Ligne 5 : la note 12.345 a plus de deux décimales (deux au plus, P7).",
            "Ligne 6 : « douze » n'est pas une note : écrivez un nombre de 0 à 20, par exemple 12,5.",
            "Ligne 8 : numéro de candidat « 2024-SIEC-999999 » inconnu (ou hors de votre périmètre).",
            "Ligne 9 : le candidat 2024-SIEC-000001 ne présente pas l'unité « U31 » à cette session.",
            "Ligne 11 : le candidat 2024-SIEC-000002 et l'unité U2 figurent déjà (Ligne 2).",
            "Ligne 12 : 2 champ(s) au lieu de 4 (séparateur « ; »).",
        ], r.Erreurs.Select(e => e.Message));

        await using var db = bd.Contexte();
        Assert.Empty(await db.SaisiesNotes.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Journal.Where(e => e.Action.StartsWith("notes.")).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_good_file_with_or_without_BOM_is_imported_and_a_second_import_by_another_person_validates_it(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var (_, ids) = await EnregistrerSaisiesTests.PreparerAsync(bd);
        // Columns in another order, quoted fields, French decimal comma.
        const string Texte = "Unite;Numero_Candidat;absence;note\n\"U2\";2024-SIEC-000002;;\"12,5\"\nU32;2024-SIEC-000002;AJ;\n";

        var premiere = await ImporterAsync(bd, "centre-arago", 1, Utf8(Texte, bom: true));
        Assert.Equal(new EnregistrerSaisies.Bilan(2, 0, 0, 0), premiere.Valeur);
        var deuxieme = await ImporterAsync(bd, "agent-siec", 2, Utf8(Texte, bom: false));
        Assert.Equal(new EnregistrerSaisies.Bilan(2, 0, 2, 0), deuxieme.Valeur);

        await using var db = bd.Contexte();
        var notes = await db.NotesUnites.Where(n => n.InscriptionId == ids["paul"].Id).OrderBy(n => n.Unite).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([(NatureResultat.Note, (decimal?)12.5m), (NatureResultat.AbsenceJustifiee, null)], notes.Select(n => (n.Nature, n.Note)));
        Assert.All(await db.SaisiesNotes.ToListAsync(TestContext.Current.CancellationToken), s => Assert.Equal(OrigineSaisie.Import, s.Origine));
    }

    [Theory]
    [InlineData("numero_candidat,unite,note,absence\n2024-SIEC-000002,U2,12,\n", "Ligne 1 : l'en-tête doit contenir les colonnes numero_candidat;unite;note;absence ; il manque numero_candidat, unite, note, absence. Le séparateur est le point-virgule (;), pas la virgule.")]
    [InlineData("numero_candidat;unite;note;absence\n", "Le fichier ne contient aucune note (seulement l'en-tête).")]
    [InlineData("", "Le fichier est vide.")]
    public void A_file_that_is_not_a_grades_file_says_why(string texte, string message)
    {
        var (lignes, erreurs) = FichierNotesCsv.Lire(Encoding.UTF8.GetBytes(texte));
        Assert.Empty(lignes);
        Assert.Equal(message, Assert.Single(erreurs));
    }

    [Fact]
    public void A_file_not_in_UTF8_is_refused()
    {
        var (_, erreurs) = FichierNotesCsv.Lire(Encoding.Latin1.GetBytes("numero_candidat;unite;note;absence\n2024-SIEC-000002;U2;12;é\n"));
        Assert.Equal("Le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 » depuis le tableur.", Assert.Single(erreurs));
    }
}
