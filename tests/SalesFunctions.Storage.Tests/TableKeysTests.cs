namespace SalesFunctions.Storage.Tests;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("rep-01", "rep-01")]
    [InlineData("a/b", "a%002Fb")]
    [InlineData("a#b?c\\d", "a%0023b%003Fc%005Cd")]
    [InlineData("100%", "100%0025")]
    [InlineData("tab\there", "tab%0009here")]
    public void Escape_WhenForbiddenCharacters_EncodesThemUnambiguously(string value, string expected) =>
        Assert.Equal(expected, TableKeys.Escape(value));

    [Fact]
    public void Escape_WhenTwoDifferentIds_NeverCollide() =>
        Assert.NotEqual(TableKeys.Escape("a/b"), TableKeys.Escape("a%002Fb"));
}
