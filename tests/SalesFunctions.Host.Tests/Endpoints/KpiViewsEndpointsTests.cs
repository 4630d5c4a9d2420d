using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Host.Tests.Endpoints;

/// <summary>The KPI views over real HTTP, from cells stored on Azurite.</summary>
public sealed class KpiViewsEndpointsTests() : HostTest
{
    private const string Tenant = "tenant-a";
    private static readonly KpiPeriod October = new(KpiGrain.Month, new DateOnly(2026, 10, 1));

    protected override async Task SeedAsync()
    {
        var store = Host.Service<IKpiStore>();
        await store.ReplaceAsync(Tenant, [October.Previous(), October],
        [
            Cell("rep-01", October, revenue: 300m, sent: 10),
            Cell("rep-02", October, revenue: 900m, sent: 4),
            Cell("rep-03", October, revenue: 300m, sent: 7),
            Cell("rep-04", October, revenue: null, sent: 1),
            Cell("rep-01", October.Previous(), revenue: 200m, sent: 5),
            new KpiCell(KpiDimension.Team, "team-a", October, Values(KpiDimension.Team, 1200m, 14)),
        ], CancellationToken.None);
    }

    [Fact]
    public async Task Leaderboard_WhenValuesTie_SharesTheRankAndLeavesUndefinedValuesOut()
    {
        var body = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/kpis/leaderboard?tenant={Tenant}&dimension=rep&period=2026-10&kpi=averageDealSize&size=2");

        Assert.Equal(3, body.GetProperty("ranked").GetInt32());
        Assert.Equal(["1 rep-02 900", "2 rep-01 300"], Standings(body, "top"));
        Assert.Equal(["2 rep-03 300", "2 rep-01 300"], Standings(body, "bottom"));
    }

    [Fact]
    public async Task Compare_WhenBothPeriodsStored_GivesChangeAndRatioPerKpi()
    {
        var body = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/kpis/compare?tenant={Tenant}&rep=rep-01&period=2026-10");

        Assert.Equal("2026-09", body.GetProperty("previous").GetString());
        var revenue = body.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "revenueWon");
        Assert.Equal((300m, 200m, 100m, 0.5m), (revenue.GetProperty("current").GetDecimal(), revenue.GetProperty("previous").GetDecimal(),
            revenue.GetProperty("change").GetDecimal(), revenue.GetProperty("changeRatio").GetDecimal()));
    }

    [Fact]
    public async Task ActivityVsPerformance_WhenTeamsStored_ShowsInputsNextToOutputsPerEntity()
    {
        var body = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/kpis/activity-vs-performance?tenant={Tenant}&dimension=team&period=2026-10");

        var row = Assert.Single(body.GetProperty("rows").EnumerateArray());
        Assert.Equal("team-a", row.GetProperty("key").GetString());
        Assert.Equal(14, row.GetProperty("activity").GetProperty("emailsSent").GetInt32());
        Assert.Equal(1200m, row.GetProperty("performance").GetProperty("revenueWon").GetDecimal());
        Assert.False(row.GetProperty("activity").TryGetProperty("revenueWon", out _));
    }

    [Fact]
    public async Task Export_WhenMonthsRequested_WritesOneCsvRowPerEntityAndPeriodWithEveryKpi()
    {
        using var response = await Host.Client.GetAsync($"/api/kpis/export?tenant={Tenant}&dimension=rep&grain=month&from=2026-09-01&to=2026-10-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(7 + KpiCatalogue.Definitions.Count, header.Length);
        Assert.Equal(6, lines.Length);
        var rep04 = lines.Single(l => l.StartsWith("rep,rep-04,month,2026-10,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("1", rep04[Array.IndexOf(header, "emailsSent")]);
        Assert.Equal(string.Empty, rep04[Array.IndexOf(header, "averageDealSize")]);
        Assert.Equal("0", rep04[Array.IndexOf(header, "revenueWon")]);
    }

    [Fact]
    public async Task Series_WhenGrainIsMonth_ReturnsStoredMonthsAndEmptyOnesWithoutGaps()
    {
        var body = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/kpis?tenant={Tenant}&rep=rep-01&grain=month&from=2026-08-15&to=2026-10-01");

        var series = body.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["2026-08", "2026-09", "2026-10"], series.Select(p => p.GetProperty("period").GetString()));
        Assert.Equal([0, 5, 10], series.Select(p => p.GetProperty("emailsSent").GetInt32()));
        Assert.Equal(JsonValueKind.Null, series[0].GetProperty("winRate").ValueKind);
    }

    [Theory]
    [InlineData("/api/kpis/leaderboard?tenant=tenant-a&dimension=rep&period=2026-10&kpi=nope")]
    [InlineData("/api/kpis/leaderboard?tenant=tenant-a&dimension=planet&period=2026-10&kpi=revenueWon")]
    [InlineData("/api/kpis/leaderboard?tenant=tenant-a&dimension=rep&period=2026-13&kpi=revenueWon")]
    [InlineData("/api/kpis/leaderboard?tenant=tenant-a&dimension=rep&period=2026-10&kpi=revenueWon&size=0")]
    [InlineData("/api/kpis/compare?tenant=tenant-a&rep=rep-01")]
    [InlineData("/api/kpis/export?tenant=tenant-a&dimension=rep&grain=year&from=2026-01-01&to=2026-12-31")]
    [InlineData("/api/kpis/export?tenant=tenant-a&dimension=rep&grain=day&from=2024-01-01&to=2026-12-31")]
    [InlineData("/api/kpis/activity-vs-performance?dimension=rep&period=2026-10")]
    public async Task Views_WhenQueryInvalid_AnswerValidationProblem(string url)
    {
        using var response = await Host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static List<string> Standings(JsonElement body, string side) =>
        [.. body.GetProperty(side).EnumerateArray().Select(s => $"{s.GetProperty("rank").GetInt32()} {s.GetProperty("key").GetString()} {s.GetProperty("value").GetDecimal():0.##}")];

    private static KpiCell Cell(string rep, KpiPeriod period, decimal? revenue, int sent) => new(KpiDimension.Rep, rep, period, Values(KpiDimension.Rep, revenue, sent));

    /// <summary>As the catalogue gives them: the average deal size undefined without revenue, other counts 0, other ratios undefined.</summary>
    private static Dictionary<string, decimal?> Values(KpiDimension dimension, decimal? revenue, int sent) =>
        KpiCatalogue.Definitions.ToDictionary(d => d.Name, d => d.Name switch
        {
            "revenueWon" => revenue ?? 0m,
            "averageDealSize" => revenue,
            "emailsSent" => sent,
            _ => d.AlwaysDefinedFor.Contains(dimension) ? 0m : (decimal?)null,
        });
}
