using SalesFunctions.Core.Territories;
using static SalesFunctions.Core.Tests.Territories.TerritoryModels;

namespace SalesFunctions.Core.Tests.Territories;

public sealed class TerritoryHierarchyTests
{
    [Theory]
    [InlineData("dach-enterprise", new[] { "emea", "global" })]
    [InlineData("emea", new[] { "global" })]
    [InlineData("global", new string[0])]
    [InlineData("analytics-specialists", new[] { "overlays" })]
    [InlineData("no-such-territory", new string[0])]
    public void Ancestors_WhenAskedForATerritory_ListsParentsUpToTheRoot(string territoryId, string[] expected) =>
        Assert.Equal(expected, Sample().Ancestors(territoryId));

    [Theory]
    [InlineData("rep-dach-ent", TerritoryCoverage.PrimaryTerritory)]
    [InlineData("rep-emea-lead", TerritoryCoverage.PrimaryAncestor)]
    [InlineData("rep-vp", TerritoryCoverage.PrimaryAncestor)]
    [InlineData("rep-analytics", TerritoryCoverage.OverlayTerritory)]
    [InlineData("rep-overlay-lead", TerritoryCoverage.OverlayAncestor)]
    [InlineData("rep-dach", TerritoryCoverage.None)]
    [InlineData("rep-west", TerritoryCoverage.None)]
    [InlineData("rep-big", TerritoryCoverage.None)]
    public void CoverageOf_WhenRepWorksAnAccount_TellsCoverageFromPoaching(string repId, TerritoryCoverage expected)
    {
        var model = Sample();
        var assignment = model.Assign(Account(country: "DE", employees: 5000, industry: "Analytics"));

        Assert.Equal(expected, model.CoverageOf(repId, assignment));
    }

    [Fact]
    public void CoverageOf_WhenAccountHasNoTerritory_NobodyCoversIt() =>
        Assert.Equal(TerritoryCoverage.None, Sample().CoverageOf("rep-vp", TerritoryAssignment.None));

    [Fact]
    public void CoverageOf_WhenRepIsInSeveralTerritories_AnyOfThemCounts()
    {
        var model = Compile(
            Primary("de", new TerritoryRule { Priority = 1, Countries = ["DE"] }, members: ["rep-1", "rep-2"]),
            Primary("fr", new TerritoryRule { Priority = 1, Countries = ["FR"] }, members: ["rep-2"]));

        Assert.Equal(TerritoryCoverage.PrimaryTerritory, model.CoverageOf("rep-2", model.Assign(Account(country: "DE"))));
        Assert.Equal(TerritoryCoverage.PrimaryTerritory, model.CoverageOf("rep-2", model.Assign(Account(country: "FR"))));
        Assert.Equal(TerritoryCoverage.None, model.CoverageOf("rep-1", model.Assign(Account(country: "FR"))));
    }
}
