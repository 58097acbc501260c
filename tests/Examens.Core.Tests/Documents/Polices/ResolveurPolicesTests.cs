using Examens.Core.Documents.Polices;
using PdfSharp.Fonts;

namespace Examens.Core.Tests.Documents.Polices;

public class ResolveurPolicesTests
{
    private static ResolveurPolices Resolveur()
    {
        ResolveurPolices.Installer();
        return Assert.IsType<ResolveurPolices>(GlobalFontSettings.FontResolver);
    }

    [Theory]
    [InlineData("Arial")]
    [InlineData("Times New Roman")]
    [InlineData(ResolveurPolices.Famille)]
    public void Any_family_gets_the_embedded_dejavu_regular_and_bold(string famille)
    {
        var resolveur = Resolveur();
        var normale = resolveur.GetFont(resolveur.ResolveTypeface(famille, false, false)!.FaceName);
        var grasse = resolveur.GetFont(resolveur.ResolveTypeface(famille, true, false)!.FaceName);
        Assert.NotNull(normale);
        Assert.NotNull(grasse);
        Assert.Equal([0x00, 0x01, 0x00, 0x00], normale[..4]); // a TrueType file
        Assert.NotEqual(normale.Length, grasse.Length);
    }

    [Fact]
    public void Installing_twice_keeps_the_same_resolver()
    {
        var premier = Resolveur();
        ResolveurPolices.Installer();
        Assert.Same(premier, GlobalFontSettings.FontResolver);
    }

    [Fact]
    public void An_unknown_face_has_no_bytes()
    {
        Assert.Null(Resolveur().GetFont("Arial"));
    }
}
