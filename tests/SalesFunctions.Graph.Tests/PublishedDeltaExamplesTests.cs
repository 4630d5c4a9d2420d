using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Sync;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Graph.Tests;

/// <summary>
/// Graph's published delta and error examples (../shared/fixtures/graph), served byte for byte over real HTTP with
/// only their links pointed at this server, walked by our adapter through the real Graph SDK.
/// </summary>
public sealed class PublishedDeltaExamplesTests : IAsyncLifetime
{
    private const string Mailbox = "ava@contoso-sales.example";
    private WebApplication _server = null!;
    private ServiceProvider _services = null!;
    private int _requests;
    private string _mode = "pages";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapGet("/v1.0/users/{user}/mailFolders/{folder}/messages/{delta}", (HttpRequest request) => Serve(request, "messages"));
        _server.MapGet("/v1.0/users/{user}/calendarView/{delta}", (HttpRequest request) => Serve(request, "calendarview"));
        await _server.StartAsync();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = $"{_server.Urls.First()}/v1.0",
            ["Graph:Authentication"] = "None",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSalesFunctionsGraph(configuration);
        services.AddSingleton(TestClock.Provider);
        services.AddSingleton<Core.Tenants.ITenantDirectoryStore>(new FixedDirectoryStore());
        services.AddSingleton<Core.Tenants.TenantDirectoryCache>();
        services.AddOptions<SyncOptions>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(SyncFolders.Inbox, "messages")]
    [InlineData(SyncFolders.Calendar, "calendarview")]
    public async Task GetPageAsync_WhenGraphAnswersWithThePublishedRound_FollowsBothNextLinksAndKeepsTheDeltaLink(string folder, string kind)
    {
        var expected = Enumerable.Range(1, 3).Select(page => Ids(kind, page)).ToList();

        var pages = new List<DeltaPage>();
        string? link = null;
        do
        {
            var page = await Delta.GetPageAsync(DemoOrganisation.TenantId, Mailbox, folder, link, CancellationToken.None);
            pages.Add(page);
            link = page.NextLink;
        }
        while (link is not null);

        Assert.Equal(expected, pages.Select(p => p.Messages.Select(m => m.Id).Concat(p.Events.Select(e => e.Id)).ToList()));
        Assert.Contains("$deltatoken=", pages[^1].DeltaLink, StringComparison.Ordinal);
        Assert.All(pages[..^1], p => Assert.Null(p.DeltaLink));
        Assert.StartsWith(_server.Urls.First(), pages[^1].DeltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPageAsync_WhenGraphAnswersThePublished429_WaitsRetryAfterThenSucceeds()
    {
        _mode = "429-once";

        var clock = Stopwatch.StartNew();
        var page = await Delta.GetPageAsync(DemoOrganisation.TenantId, Mailbox, SyncFolders.Inbox, null, CancellationToken.None);

        Assert.Equal(2, _requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"retried after {clock.Elapsed.TotalSeconds:F1} s; Retry-After said 2 s");
        Assert.Equal(Ids("messages", 1), page.Messages.Select(m => m.Id));
    }

    [Fact]
    public async Task GetPageAsync_WhenGraphAnswersThePublishedGenericError_ClassifiesItByItsCode()
    {
        _mode = "generic-error";

        var error = await Assert.ThrowsAsync<SyncException>(() => Delta.GetPageAsync(DemoOrganisation.TenantId, Mailbox, SyncFolders.Inbox, null, CancellationToken.None));

        Assert.Equal(SyncFailureKind.Unknown, error.Kind);
        Assert.Contains("invalidRange", error.Message, StringComparison.Ordinal);
    }

    private IMailboxDelta Delta => _services.GetRequiredService<IMailboxDelta>();

    private static List<string> Ids(string kind, int page)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PagePath(kind, page)));
        return [.. json.RootElement.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetString()!)];
    }

    private static string PagePath(string kind, int page) =>
        Fixtures.Path("graph", $"delta-{kind}-round1-page{page}-{(page < 3 ? "nextlink" : "deltalink")}.json");

    private IResult Serve(HttpRequest request, string kind)
    {
        var attempt = Interlocked.Increment(ref _requests);
        if (_mode == "429-once" && attempt == 1)
        {
            // The published 429, with Retry-After shortened from 10 s to 2 s to keep the test quick.
            request.HttpContext.Response.Headers.RetryAfter = "2";
            return Results.Text(BodyOf(File.ReadAllText(Fixtures.Path("graph", "error-429-toomanyrequests.http.txt"))), "application/json", statusCode: 429);
        }

        if (_mode == "generic-error")
        {
            return Results.Text(File.ReadAllText(Fixtures.Path("graph", "error-generic-example.json")), "application/json", statusCode: 400);
        }

        // Page 1 for a new round; the skiptoken of page 1's nextLink leads to page 2, page 2's to page 3.
        var skiptoken = request.Query["$skiptoken"].ToString();
        var page = skiptoken.Length == 0 ? 1 : LinkOf(kind, 1).Contains(skiptoken, StringComparison.Ordinal) ? 2 : 3;
        var body = File.ReadAllText(PagePath(kind, page));

        // Graph's links are absolute and name the user as "me": point them at this server, for the same user and folder.
        var here = $"{request.Scheme}://{request.Host}{request.Path}";
        return Results.Text(body.Replace(LinkBase(body), here, StringComparison.Ordinal), "application/json");
    }

    private static string LinkOf(string kind, int page)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PagePath(kind, page)));
        return json.RootElement.GetProperty("@odata.nextLink").GetString()!;
    }

    private static string LinkBase(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var link = (json.RootElement.TryGetProperty("@odata.nextLink", out var next) ? next : json.RootElement.GetProperty("@odata.deltaLink")).GetString()!;
        return link[..link.IndexOf('?', StringComparison.Ordinal)];
    }

    private static string BodyOf(string http) => http[(http.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
}
