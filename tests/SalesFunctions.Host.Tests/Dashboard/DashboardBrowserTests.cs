using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in a real headless Chromium against a real Host on demo data: every view loads, numbers on screen are
/// the API's, a rep cannot open what is not theirs, a refused upload lists its lines, and axe-core finds nothing serious.
/// </summary>
public sealed class DashboardBrowserTests(DemoDashboard dashboard) : IClassFixture<DemoDashboard>
{
    private const string Tenant = DemoOrganisation.TenantId;
    private const string Manager = """{"role":"manager","team":"team-east"}""";
    private const string Admin = """{"role":"admin"}""";
    private const string Rep = """{"role":"rep","rep":"rep-01"}""";

    private string Month => dashboard.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private string Day => dashboard.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("team", Manager, "team?grain=month")]
    [InlineData("rep", Manager, "rep?rep=rep-01&grain=month")]
    [InlineData("territories", Manager, "territories?grain=month")]
    [InlineData("accounts", Manager, "accounts?grain=month")]
    [InlineData("service", Manager, "service?grain=month")]
    [InlineData("operations", Admin, "operations")]
    [InlineData("kpi", Rep, "kpi/touchpoints")]
    public async Task View_WhenOpenedOnDemoData_LoadsWithItsChartsAndNoSeriousAxeViolation(string view, string persona, string route)
    {
        var page = await dashboard.PageAsAsync(persona);

        await OpenAsync(page, view, route);

        Assert.Equal(0, await page.Locator(".notice.error").CountAsync());
        if (view != "kpi")
        {
            // Every chart drawn at its size, with something in it.
            var charts = await page.EvaluateAsync<int[]>("[...document.querySelectorAll('.chart')].map(c => { const svg = c.querySelector('svg'); return svg && Number(svg.getAttribute('width')) > 0 ? svg.querySelectorAll('path').length : 0; })");
            Assert.NotEmpty(charts);
            Assert.All(charts, paths => Assert.True(paths > 0, $"{view} has an empty chart"));
        }

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)").ToList();
        Assert.True(serious.Count == 0, string.Join("; ", serious));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Fixtures.RepositoryRoot, "artifacts", "dashboard", $"{view}.png"), FullPage = false });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TeamOverview_WhenOpened_ShowsTheApisValueForTheSamePeriod()
    {
        var page = await dashboard.PageAsAsync(Manager);
        await OpenAsync(page, "team", "team?grain=month");

        var compare = await dashboard.Host.Client.GetFromJsonAsync<JsonElement>($"/api/kpis/compare?tenant={Tenant}&team=team-east&period={Month}");
        var touchpoints = compare.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "touchpoints").GetProperty("current").GetDecimal();
        var shown = await page.Locator("[data-tile=touchpoints] .value").InnerTextAsync();

        Assert.True(touchpoints > 0, "the demo days should have touchpoints");
        Assert.Equal(touchpoints.ToString("N0", CultureInfo.InvariantCulture), shown);
        Assert.Contains(Month, await page.Locator("#period-key").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RepPage_WhenARepOpensAnotherRepsPageOrOperations_IsRefusedAndShowsNoNumbers()
    {
        var page = await dashboard.PageAsAsync(Rep);

        await OpenAsync(page, "rep", "rep?grain=month");
        var own = await page.Locator("[data-rep]").GetAttributeAsync("data-rep");
        var ownTiles = await page.Locator("[data-tile]").CountAsync();
        await OpenAsync(page, "rep", "rep?rep=rep-02&grain=month");
        var otherRefusal = await page.Locator("[role=alert]").InnerTextAsync();
        var otherTiles = await page.Locator("[data-tile]").CountAsync();
        await OpenAsync(page, "operations", "operations");
        var operationsRefusal = await page.Locator("[role=alert]").InnerTextAsync();
        var navigation = await page.Locator("#nav a").AllInnerTextsAsync();

        Assert.Equal("rep-01", own);
        Assert.True(ownTiles > 0);
        Assert.StartsWith("You may not open this page", otherRefusal, StringComparison.Ordinal);
        Assert.Equal(0, otherTiles);
        Assert.Contains("not for the rep role", operationsRefusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Operations", navigation);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Upload_WhenTheTargetsFileHasErrors_ShowsEachErrorWithItsLine()
    {
        const string csv = "kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,60000\nquota,rep,rep-01,not-a-period,15000\nbonus,team,team-east,2026-10,1\nforecast,team,team-east,2026-10,-5\n";
        using var direct = await dashboard.Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/kpis/targets", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var expected = (await direct.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"line {e.GetProperty("line").GetInt32()}: {e.GetProperty("message").GetString()}").ToList();
        var page = await dashboard.PageAsAsync(Admin);
        await OpenAsync(page, "operations", "operations");

        await page.SelectOptionAsync("#upload-kind", new SelectOptionValue { Label = "Quotas, forecasts and spend (CSV)" });
        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "targets.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#upload-result >> xpath=preceding-sibling::form//button[@type='submit']");
        await page.WaitForSelectorAsync("#upload-result .errors li");
        var shown = await page.Locator("#upload-result .errors li").AllInnerTextsAsync();

        Assert.True(expected.Count >= 3, string.Join("; ", expected));
        Assert.Equal(expected, shown);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Table_WhenSortedByAKpiAndDownloaded_ExportsTheRowsInTheOrderShown()
    {
        var page = await dashboard.PageAsAsync(Manager);
        await OpenAsync(page, "team", "team?grain=month");
        var table = page.Locator("section:has(h2:text('Inputs next to outputs per rep')) table");
        var column = await table.Locator("thead th").AllInnerTextsAsync();
        var touchpoints = column.ToList().FindIndex(c => c.StartsWith("touchpoints", StringComparison.Ordinal));

        await table.Locator("thead th").Nth(touchpoints).Locator("button").ClickAsync();
        var shown = (await table.Locator($"tbody tr td:nth-child({touchpoints + 1})").AllInnerTextsAsync()).Select(v => int.Parse(v, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("section:has(h2:text('Inputs next to outputs per rep')) button.csv").ClickAsync());
        var csv = File.ReadAllLines(await download.PathAsync());

        Assert.Equal("descending", await table.Locator("thead th").Nth(touchpoints).GetAttributeAsync("aria-sort"));
        Assert.Equal(shown.OrderDescending(), shown);
        Assert.True(shown.Count > 1, "the team should show several reps");
        Assert.Equal("touchpoints", csv[0].Split(',')[touchpoints]);
        Assert.Equal(shown, csv.Skip(1).Select(l => int.Parse(l.Split(',')[touchpoints], CultureInfo.InvariantCulture)));
        await page.Context.CloseAsync();
    }

    /// <summary>Opens a view in the page, waits until it says it is usable, and records how long that took and its API calls.</summary>
    private async Task OpenAsync(IPage page, string view, string route)
    {
        var separator = route.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        // A change of hash renders in place: the previous view's mark must not count as this one's. Only a view opened
        // as a page's first is measured, from the page's navigation (sign-in included).
        var first = page.Url == "about:blank";
        if (!first)
        {
            await page.EvaluateAsync("delete document.body.dataset.ready");
        }

        await page.GotoAsync($"/#/{route}{(view == "kpi" || view == "operations" ? string.Empty : $"{separator}day={Day}")}");
        await page.WaitForSelectorAsync($"body[data-ready='{view}']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        if (first)
        {
            var usable = await page.EvaluateAsync<double>("performance.getEntriesByName('usable').at(-1)?.duration ?? -1");
            var api = await page.EvaluateAsync<double[]>("performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.startsWith('/api/')).map(e => e.duration)");
            dashboard.Report.Add(view, usable, api);
        }
    }
}
