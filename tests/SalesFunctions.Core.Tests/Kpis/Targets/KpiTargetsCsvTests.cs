using SalesFunctions.Core.Csv;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Targets;

namespace SalesFunctions.Core.Tests.Kpis.Targets;

public sealed class KpiTargetsCsvTests
{
    private static readonly KpiPeriod Q4 = Period("2026-Q4");

    [Fact]
    public void Parse_WhenEveryKindIsGiven_ReadsEntriesInTheirOrderAndKeepsRepeats()
    {
        var csv = "kind,dimension,key,period,amount\n"
            + "quota,rep,rep-01,2026-Q4,60000\n"
            + "quota,rep,rep-01,2026-Q4,40000.50\n"
            + "quota,tenant,,2026-Q4,250000\n"
            + "forecast,team,team-a,2026-10,90000\n"
            + "forecast,territory,emea,2026-W41,1000\n"
            + "spend,,,2026-Q4,50000\n"
            + "spend,tenant,all,2026-10-05,0\n";

        var targets = KpiTargetsCsv.Parse(csv);

        Assert.Equal(
            [new Quota(KpiDimension.Rep, "rep-01", Q4, 60000m), new Quota(KpiDimension.Rep, "rep-01", Q4, 40000.50m), new Quota(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, Q4, 250000m)],
            targets.Quotas);
        Assert.Equal([new Forecast(KpiDimension.Team, "team-a", Period("2026-10"), 90000m), new Forecast(KpiDimension.Territory, "emea", Period("2026-W41"), 1000m)], targets.Forecasts);
        Assert.Equal([new Spend(Q4, 50000m), new Spend(Period("2026-10-05"), 0m)], targets.Spend);
    }

    [Fact]
    public void Parse_WhenHeaderIsInAnyOrderAndCaseWithBomAndCrlf_ReadsTheSame()
    {
        var csv = "\uFEFFAmount,PERIOD,Key,kind,Dimension\r\n60000,2026-Q4,rep-01,Quota,REP\r\n50000,2026-Q4,,SPEND,\r\n\r\n";

        var targets = KpiTargetsCsv.Parse(csv);

        Assert.Equal(new Quota(KpiDimension.Rep, "rep-01", Q4, 60000m), Assert.Single(targets.Quotas));
        Assert.Equal(new Spend(Q4, 50000m), Assert.Single(targets.Spend));
    }

    [Fact]
    public void Parse_WhenOnlySpendColumnsArePresent_NeedsNoDimensionOrKeyColumn() =>
        Assert.Equal(new Spend(Q4, 5m), Assert.Single(KpiTargetsCsv.Parse("kind,period,amount\nspend,2026-Q4,5\n").Spend));

    [Fact]
    public void Parse_WhenOnlyTheHeaderIsGiven_ReadsNoTargets() =>
        Assert.Equivalent(KpiTargets.Empty, KpiTargetsCsv.Parse("kind,dimension,key,period,amount\n"));

    [Theory]
    [InlineData("", 1, "the file is empty")]
    [InlineData("kind,dimension,key,period,amount,owner\nquota,rep,rep-01,2026-Q4,1,x", 1, "unknown column 'owner'")]
    [InlineData("kind,dimension,key,period\nquota,rep,rep-01,2026-Q4", 1, "column 'amount' is required")]
    [InlineData("kind,kind,period,amount\nspend,spend,2026-Q4,1", 1, "column 'kind' appears more than once")]
    [InlineData("kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,1\nquota,rep,rep-01,2026-Q4", 3, "4 fields where the header has 5")]
    [InlineData("kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,1\n,rep,rep-01,2026-Q4,1", 3, "kind is empty")]
    [InlineData("kind,dimension,key,period,amount\nbudget,rep,rep-01,2026-Q4,1", 2, "kind 'budget' is not quota, forecast or spend")]
    [InlineData("kind,dimension,key,period,amount\nquota,account,acc-1,2026-Q4,1", 2, "unknown dimension 'account'")]
    [InlineData("kind,dimension,key,period,amount\nquota,,rep-01,2026-Q4,1", 2, "dimension is required for a quota")]
    [InlineData("kind,dimension,key,period,amount\nforecast,rep,,2026-Q4,1", 2, "key is required for a rep forecast")]
    [InlineData("kind,dimension,key,period,amount\nquota,team,team a,2026-Q4,1", 2, "key 'team a' is not an id")]
    [InlineData("kind,dimension,key,period,amount\nquota,tenant,tenant-a,2026-Q4,1", 2, "a tenant quota is for the tenant total")]
    [InlineData("kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q5,1", 2, "period '2026-Q5' is not a period key")]
    [InlineData("kind,dimension,key,period,amount\nquota,rep,rep-01,Q4 2026,1", 2, "period 'Q4 2026' is not a period key")]
    [InlineData("kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,-5", 2, "amount -5 is negative")]
    [InlineData("kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,\"1,000\"", 2, "amount '1,000' is not a number")]
    [InlineData("kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,1e3", 2, "amount '1e3' is not a number")]
    [InlineData("kind,dimension,key,period,amount\nspend,rep,rep-01,2026-Q4,1", 2, "spend is the whole tenant's")]
    [InlineData("kind,dimension,key,period,amount\nquota,rep,\"rep-01,2026-Q4,1", 2, "never closed")]
    public void Parse_WhenAnythingIsWrong_ThrowsNamingTheLine(string csv, int line, string message)
    {
        var error = Assert.Throws<CsvException>(() => KpiTargetsCsv.Parse(csv));

        var only = Assert.Single(error.Errors);
        Assert.Equal(line, only.Line);
        Assert.Contains(message, only.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenSeveralRowsAreWrong_ReportsEveryLine()
    {
        var csv = "kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,1\nquota,rep,rep-02,2026-13,1\nforecast,galaxy,x,2026-Q4,-1\n";

        var error = Assert.Throws<CsvException>(() => KpiTargetsCsv.Parse(csv));

        Assert.Equal([3, 4, 4], error.Errors.Select(e => e.Line));
        Assert.Equal(3, error.Line);
        Assert.EndsWith("(and 2 more errors)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_WhenParsedBack_GivesTheSameTargets()
    {
        var targets = new KpiTargets(
            [new Quota(KpiDimension.Rep, "rep-01", Q4, 60000.50m), new Quota(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, Period("2026-W53"), 1m)],
            [new Forecast(KpiDimension.Territory, "emea", Period("2026-10"), 0m)],
            [new Spend(Period("2026-12-31"), 1234.5m)]);

        var csv = KpiTargetsCsv.Format(targets);
        var read = KpiTargetsCsv.Parse(csv);

        Assert.Equal(
            "kind,dimension,key,period,amount\r\nquota,rep,rep-01,2026-Q4,60000.50\r\nquota,tenant,,2026-W53,1\r\nforecast,territory,emea,2026-10,0\r\nspend,,,2026-12-31,1234.5\r\n",
            csv);
        Assert.Equal(targets.Quotas, read.Quotas);
        Assert.Equal(targets.Forecasts, read.Forecasts);
        Assert.Equal(targets.Spend, read.Spend);
    }

    internal static KpiPeriod Period(string key) => KpiPeriod.TryParse(key, out var period) ? period : throw new ArgumentException(key, nameof(key));
}
