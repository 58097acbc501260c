namespace Examens.Web.BrowserTests.Outils;

/// <summary>The accessibility check every browser test relies on finds what axe finds, and says where.</summary>
public sealed class NavigateurTests
{
    [Fact]
    public async Task A_serious_violation_fails_the_check_naming_the_rule_and_the_element_and_a_clean_page_passes()
    {
        await using var n = await Navigateur.OuvrirAsync();
        await n.AllerAsync("/compte/connexion");
        await n.VerifierAccessibiliteAsync();

        // An image without a text alternative (axe "image-alt", critical) and a field without a label ("label", critical).
        await n.Page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img id=\"sans-alt\" src=\"/favicon.ico\"><input id=\"sans-etiquette\" type=\"text\">')");
        var echec = await Assert.ThrowsAnyAsync<Exception>(n.VerifierAccessibiliteAsync);

        Assert.Contains("image-alt (critical)", echec.Message, StringComparison.Ordinal);
        Assert.Contains("#sans-alt", echec.Message, StringComparison.Ordinal);
        Assert.Contains("label (critical)", echec.Message, StringComparison.Ordinal);
        Assert.Contains("#sans-etiquette", echec.Message, StringComparison.Ordinal);
        Assert.Equal(["/compte/connexion"], n.PagesVerifiees);
    }
}
