using Examens.Core.Notes;
using Examens.Domain.Deliberations;

namespace Examens.Core.Tests.Notes;

public class LectureNoteTests
{
    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData(" 0 ", 0)]
    [InlineData("20", 20)]
    [InlineData("9,99", 9.99)]
    public void P7_a_grade_from_0_to_20_with_two_decimals_at_most_is_read_with_comma_or_point(string texte, double attendu)
    {
        var (valeur, erreur) = LectureNote.Lire(texte, null);
        Assert.Null(erreur);
        Assert.Equal(new ValeurSaisie(NatureResultat.Note, (decimal)attendu), valeur);
    }

    [Theory]
    [InlineData("21", "", "la note 21 doit être comprise entre 0 et 20.")]
    [InlineData("-1", "", "la note -1 doit être comprise entre 0 et 20.")]
    [InlineData("12.345", "", "la note 12.345 a plus de deux décimales (deux au plus, P7).")]
    [InlineData("douze", "", "« douze » n'est pas une note : écrivez un nombre de 0 à 20, par exemple 12,5.")]
    [InlineData("", "", "indiquez une note de 0 à 20 ou une absence (AJ ou ANJ).")]
    [InlineData("12", "AJ", "indiquez soit une note, soit une absence, pas les deux.")]
    [InlineData("", "malade", "absence « malade » inconnue : écrivez AJ (absence justifiée) ou ANJ (absence non justifiée).")]
    public void P7_a_bad_grade_is_refused_with_a_French_reason(string note, string absence, string message)
    {
        var (valeur, erreur) = LectureNote.Lire(note, absence);
        Assert.Null(valeur);
        Assert.Equal(message, erreur);
    }

    [Theory]
    [InlineData("AJ", NatureResultat.AbsenceJustifiee)]
    [InlineData("absence justifiée", NatureResultat.AbsenceJustifiee)]
    [InlineData("anj", NatureResultat.AbsenceNonJustifiee)]
    [InlineData("Non justifiée", NatureResultat.AbsenceNonJustifiee)]
    public void P8_an_absence_is_justified_or_not(string absence, NatureResultat nature)
    {
        Assert.Equal(new ValeurSaisie(nature, null), LectureNote.Lire("", absence).Valeur);
    }
}
