using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Territories;

/// <summary>Territories through the score step, the store and the rollup: stamped as of the activity, rewritten only on request.</summary>
public sealed class TerritoryPipelineTests
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    // Ava covers the US; Cy covers DACH; Bo is the software overlay. Northwind is a US software company, Fabrikam German.
    private const string ModelV1 = """
        {
          "effectiveFrom": "2026-01-01T00:00:00Z",
          "territories": [
            { "id": "global" },
            { "id": "amer", "parentId": "global" },
            { "id": "us", "parentId": "amer", "members": ["rep-ava"], "rules": [{ "priority": 100, "countries": ["US"] }] },
            { "id": "emea", "parentId": "global" },
            { "id": "dach", "parentId": "emea", "members": ["rep-cy"], "rules": [{ "priority": 100, "countries": ["DE", "AT", "CH"] }] },
            { "id": "software", "kind": "overlay", "members": ["rep-bo"], "rules": [{ "priority": 500, "industries": ["Software"] }] }
          ]
        }
        """;

    // From 6 October Ava also covers DACH.
    private static readonly string ModelV2 = ModelV1
        .Replace("2026-01-01T00:00:00Z", "2026-10-06T00:00:00Z", StringComparison.Ordinal)
        .Replace("\"members\": [\"rep-cy\"]", "\"members\": [\"rep-cy\", \"rep-ava\"]", StringComparison.Ordinal);

    [Fact]
    public async Task ScoreAsync_WhenAModelIsInForce_StampsPrimaryOverlaysAndAncestors_AndRollsUpPerTerritory()
    {
        var pipeline = await PipelineWithModelAsync(ModelV1);

        var us = await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);
        var de = await pipeline.Scoring.ScoreAsync(TestData.Email("e2", TestData.Lee, [TestData.Ava, TestData.Cy]), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(["amer", "global", "software", "us"], us!.Territories);
        Assert.Empty(us.RepsOutsideTerritory);
        Assert.Equal(["dach", "emea", "global"], de!.Territories);
        Assert.Equal(["rep-ava"], de.RepsOutsideTerritory);

        var rows = pipeline.Stores.AllKpiRows();
        Assert.Equal(2, Value(rows, KpiDimension.Territory, "global").EmailsReceived);
        Assert.Equal(1, Value(rows, KpiDimension.Territory, "amer").EmailsReceived);
        Assert.Equal(1, Value(rows, KpiDimension.Territory, "dach").EmailsReceived);
        Assert.Equal(1, Value(rows, KpiDimension.Territory, "software").EmailsReceived);
        Assert.Equal(1, Value(rows, KpiDimension.Rep, "rep-ava").OutsideTerritory);
        Assert.Equal(0, Value(rows, KpiDimension.Rep, "rep-cy").OutsideTerritory);
        Assert.Equal(1, Value(rows, KpiDimension.Team, "team-a").OutsideTerritory);
        Assert.Equal(1, Value(rows, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey).OutsideTerritory);
    }

    [Fact]
    public async Task AddVersionAsync_WhenAVersionReachesBack_KeepsStoredStampsUntilReassignRestampsFromTheGivenDay()
    {
        var pipeline = await PipelineWithModelAsync(ModelV1);
        var tuesday = new DateTimeOffset(2026, 10, 6, 9, 0, 0, TimeSpan.Zero);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e-mon", TestData.Lee, [TestData.Ava]), CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e-tue", TestData.Lee, [TestData.Ava], at: tuesday.AddDays(1)), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.True((await pipeline.Territories.AddVersionAsync(TestData.Tenant, ModelV2, "v2.json", CancellationToken.None)).Succeeded);
        pipeline.Territories.Invalidate(TestData.Tenant);
        Assert.Equal(1, Value(pipeline.Stores.AllKpiRows(), KpiDimension.Rep, "rep-ava", 2).OutsideTerritory);

        var report = await pipeline.Reassignment.RunAsync(TestData.Tenant, Monday.AddDays(1), CancellationToken.None);
        var again = await pipeline.Reassignment.RunAsync(TestData.Tenant, Monday.AddDays(1), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(new(1, 1, 1), report);
        Assert.Equal(new(1, 0, 0), again);
        var rows = pipeline.Stores.AllKpiRows();
        Assert.Equal(1, Value(rows, KpiDimension.Rep, "rep-ava", 0).OutsideTerritory);
        Assert.Equal(0, Value(rows, KpiDimension.Rep, "rep-ava", 2).OutsideTerritory);
        Assert.Equal(1, Value(rows, KpiDimension.Rep, "rep-ava", 2).EmailsReceived);
    }

    [Fact]
    public async Task AddVersionAsync_WhenTheModelIsInvalid_ReportsFileAndLine_AndTheStoredModelStaysInForce()
    {
        var pipeline = await PipelineWithModelAsync(ModelV1);
        var broken = ModelV2.Replace("\"parentId\": \"emea\"", "\"parentId\": \"europe\"", StringComparison.Ordinal);

        var result = await pipeline.Territories.AddVersionAsync(TestData.Tenant, broken, "v2.json", CancellationToken.None);
        var stamped = await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Lee, [TestData.Ava], at: new DateTimeOffset(2026, 10, 7, 9, 0, 0, TimeSpan.Zero)), CancellationToken.None);

        // The unknown parent, at the line of its territory (and emea, now childless without rules, reported too).
        var error = Assert.Single(result.Errors, e => e.Message.Contains("europe", StringComparison.Ordinal));
        Assert.Equal(("v2.json", 8), (error.File, error.Line));
        Assert.Equal(["rep-ava"], stamped!.RepsOutsideTerritory);
    }

    [Fact]
    public async Task ScoreAsync_WhenTheTenantHasNoModel_StampsNothingAndWritesNoTerritoryRows()
    {
        var pipeline = new Pipeline();
        await pipeline.Stores.SaveAsync(DirectoryWithFirmographics(), CancellationToken.None);

        var stored = await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Lee, [TestData.Ava]), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Empty(stored!.Territories);
        Assert.Empty(stored.RepsOutsideTerritory);
        Assert.DoesNotContain(pipeline.Stores.AllKpiRows(), r => r.Dimension == KpiDimension.Territory);
    }

    private static async Task<Pipeline> PipelineWithModelAsync(string model)
    {
        var pipeline = new Pipeline();
        await pipeline.Stores.SaveAsync(DirectoryWithFirmographics(), CancellationToken.None);
        var added = await pipeline.Territories.AddVersionAsync(TestData.Tenant, model, "v1.json", CancellationToken.None);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        return pipeline;
    }

    private static TenantDirectory DirectoryWithFirmographics()
    {
        var directory = TestData.Directory();
        return directory with
        {
            Accounts =
            [
                directory.Accounts[0] with { Country = "US", Region = "NY", Industry = "Software" },
                directory.Accounts[1] with { Country = "DE", Industry = "Manufacturing" },
            ],
        };
    }

    private static DayKpis Value(List<DayRow> rows, KpiDimension dimension, string key, int dayOffset = 0) =>
        Assert.Single(rows, r => r.Dimension == dimension && r.Key == key && r.Day == Monday.AddDays(dayOffset)).Values;
}
