using System.Net.Http.Json;
using SalesFunctions.Core.Sync;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Graph.Tests;

/// <summary>Delta rounds through the real SDK against the simulator: pages, links, cursors, expiry.</summary>
public sealed class GraphMailboxDeltaTests : IAsyncLifetime
{
    private readonly SimulatedGraph _graph = new();

    public Task InitializeAsync() => _graph.InitializeAsync();

    public Task DisposeAsync() => _graph.DisposeAsync();

    [Theory]
    [InlineData(SyncFolders.Inbox, "inbox")]
    [InlineData(SyncFolders.SentItems, "sentitems")]
    [InlineData(SyncFolders.Calendar, "calendar")]
    public async Task GetPageAsync_WhenFollowingLinksToTheEnd_ReturnsEveryItemOnceThenADeltaLink(string folder, string simulatorFolder)
    {
        var mailbox = Rep().Email;
        var expected = _graph.Mailboxes.Items(mailbox, simulatorFolder).Count;

        var (items, deltaLink, pages) = await WalkAsync(mailbox, folder, null);

        Assert.Equal(expected, items);
        Assert.True(pages >= (expected + 4) / 5, "pages hold at most the 5 items Prefer: odata.maxpagesize asked for");
        Assert.NotNull(deltaLink);
        var (again, _, _) = await WalkAsync(mailbox, folder, deltaLink);
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task GetPageAsync_WhenCursorExpired_ThrowsCursorExpired()
    {
        var (_, deltaLink, _) = await WalkAsync(Rep().Email, SyncFolders.Inbox, null);
        using var control = new HttpClient { BaseAddress = new Uri(_graph.BaseUrl) };
        (await control.PostAsJsonAsync("/sim/faults", new { expireDeltaTokens = true })).EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<SyncException>(() => Delta.GetPageAsync(DemoOrganisation.TenantId, Rep().Email, SyncFolders.Inbox, deltaLink, CancellationToken.None));

        Assert.Equal(SyncFailureKind.CursorExpired, error.Kind);
    }

    [Fact]
    public async Task ListFiledFoldersAsync_WhenAUserHasOwnFoldersAndSubfolders_ReturnsThemAndNoneOfOutlooksOwn()
    {
        var mailbox = Rep().Email;

        var folders = await Delta.ListFiledFoldersAsync(DemoOrganisation.TenantId, mailbox, CancellationToken.None);

        // "Deals" sits under Inbox and is only found by walking child folders; "archive" is One-Click Archive: filed mail.
        string[] expected = ["archive", "customers", "deals"];
        Assert.Equal(expected.Select(f => MailboxStore.FolderId(mailbox, f)).Order(), folders.Order());
    }

    [Fact]
    public async Task GetPageAsync_WhenMailIsFiledAfterARound_TheInboxReportsRemovalsAndTheFolderTheNewItems()
    {
        var mailbox = Rep().Email;
        var (inboxBefore, inboxLink, _) = await WalkAsync(mailbox, SyncFolders.Inbox, null);
        var customers = MailboxStore.FolderId(mailbox, "customers");
        var (filedBefore, filedLink, _) = await WalkAsync(mailbox, customers, null);

        // Everything in every Inbox and Sent Items is filed.
        var tidied = await _graph.Simulator.Services.GetRequiredService<Player>().TidyAsync(1.0, 0, notify: false, CancellationToken.None);
        var filedNow = _graph.Mailboxes.Items(mailbox, "customers").Count;

        Assert.Equal(0, filedBefore);
        Assert.True(tidied.ItemsWritten > 0 && filedNow > 0);
        var (removed, inboxItems) = await CountRemovedAsync(mailbox, SyncFolders.Inbox, inboxLink!);
        Assert.Equal((inboxBefore, 0), (removed, inboxItems));
        var (filedItems, _, _) = await WalkAsync(mailbox, customers, filedLink);
        Assert.Equal(filedNow, filedItems);
    }

    [Theory]
    [InlineData(410, null, SyncFailureKind.CursorExpired)]
    [InlineData(400, "syncStateNotFound", SyncFailureKind.CursorExpired)]
    [InlineData(400, "resyncRequired", SyncFailureKind.CursorExpired)]
    [InlineData(429, "TooManyRequests", SyncFailureKind.Throttled)]
    [InlineData(503, null, SyncFailureKind.Throttled)]
    [InlineData(403, "ErrorAccessDenied", SyncFailureKind.PermissionDenied)]
    [InlineData(404, "ErrorItemNotFound", SyncFailureKind.NotFound)]
    [InlineData(500, null, SyncFailureKind.Transient)]
    [InlineData(400, "BadRequest", SyncFailureKind.Unknown)]
    public void Classify_WhenGraphAnswers_MapsToTheClosedSetOfFailureKinds(int status, string? code, SyncFailureKind expected) =>
        Assert.Equal(expected, GraphMailboxDelta.Classify(status, code));

    private IMailboxDelta Delta => _graph.Get<IMailboxDelta>();

    private SimPerson Rep() => _graph.Simulator.Services.GetRequiredService<DemoOrganisation>().Reps[0];

    private async Task<(int Removed, int Items)> CountRemovedAsync(string mailbox, string folder, string link)
    {
        var (removed, items) = (0, 0);
        for (string? next = link; next is not null;)
        {
            var page = await Delta.GetPageAsync(DemoOrganisation.TenantId, mailbox, folder, next, CancellationToken.None);
            (removed, items) = (removed + page.Removed, items + page.Messages.Count);
            next = page.DeltaLink is null ? page.NextLink : null;
        }

        return (removed, items);
    }

    private async Task<(int Items, string? DeltaLink, int Pages)> WalkAsync(string mailbox, string folder, string? link)
    {
        var (items, pages) = (0, 0);
        while (true)
        {
            var page = await Delta.GetPageAsync(DemoOrganisation.TenantId, mailbox, folder, link, CancellationToken.None);
            pages++;
            items += page.Messages.Count + page.Events.Count;
            if (page.DeltaLink is not null)
            {
                return (items, page.DeltaLink, pages);
            }

            link = page.NextLink;
        }
    }
}
