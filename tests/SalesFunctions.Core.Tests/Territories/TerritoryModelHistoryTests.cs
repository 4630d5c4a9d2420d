using SalesFunctions.Core.Territories;
using static SalesFunctions.Core.Tests.Territories.TerritoryModels;

namespace SalesFunctions.Core.Tests.Territories;

public sealed class TerritoryModelHistoryTests
{
    private static readonly DateTimeOffset February = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static CompiledTerritoryModel Version(DateTimeOffset from, string territoryId) => CompiledTerritoryModel.Compile(new TerritoryModel
    {
        EffectiveFrom = from,
        Territories = [Primary(territoryId, new TerritoryRule { Priority = 1, Countries = ["DE"] })],
    });

    [Theory]
    [InlineData("2025-12-31T23:59:59.9999999Z", null)]
    [InlineData("2026-02-01T00:00:00Z", "feb")]
    [InlineData("2026-02-01T00:59:59+01:00", "jan")]
    [InlineData("2026-02-28T23:59:59Z", "feb")]
    [InlineData("2026-03-01T00:00:00Z", "mar")]
    [InlineData("2026-01-01T00:00:00Z", "jan")]
    [InlineData("2030-01-01T00:00:00Z", "mar")]
    public void At_WhenInstantIsBeforeOnOrAfterABoundary_ReturnsTheVersionInForce(string instant, string? expected)
    {
        // Given out of order on purpose: the history sorts its versions.
        var history = new TerritoryModelHistory([Version(March, "mar"), Version(January, "jan"), Version(February, "feb")]);

        var version = history.At(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, version?.Model.Territories[0].Id);
    }

    [Fact]
    public void With_WhenALaterVersionIsAdded_EarlierInstantsKeepTheirVersion()
    {
        var before = new TerritoryModelHistory([Version(January, "jan")]);

        var after = before.With(Version(March, "mar"));

        Assert.Equal("jan", after.At(February)!.Model.Territories[0].Id);
        Assert.Equal("mar", after.At(March)!.Model.Territories[0].Id);
        Assert.Equal("jan", before.At(March)!.Model.Territories[0].Id);
    }

    [Fact]
    public void Constructor_WhenTwoVersionsStartAtTheSameInstant_Throws() =>
        Assert.Throws<ArgumentException>(() => new TerritoryModelHistory([Version(January, "a"), Version(January, "b")]));

    [Fact]
    public void At_WhenHistoryIsEmpty_ReturnsNull() => Assert.Null(new TerritoryModelHistory([]).At(March));
}
