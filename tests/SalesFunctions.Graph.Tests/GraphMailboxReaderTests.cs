using System.Net.Http.Json;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Graph.Tests;

/// <summary>The real Microsoft.Graph SDK, through our adapter, against the simulator over HTTP.</summary>
public sealed class GraphMailboxReaderTests : IAsyncLifetime
{
    private readonly SimulatedGraph _graph = new();

    public Task InitializeAsync() => _graph.InitializeAsync();

    public Task DisposeAsync() => _graph.DisposeAsync();

    [Fact]
    public async Task GetMessageAsync_WhenItemExists_MapsMetadataAndNeverAsksForBodyOrSubject()
    {
        var (mailbox, copy) = FirstCopy("sentitems", c => c.Email!.Cc.Count > 0);

        var message = await Reader.GetMessageAsync(DemoOrganisation.TenantId, mailbox, copy.Id, CancellationToken.None);

        Assert.NotNull(message);
        Assert.Equal(copy.Email!.InternetMessageId, message.InternetMessageId);
        Assert.Equal(copy.Email.ConversationId, message.ConversationId);
        Assert.Equal(copy.Email.From.Email, message.From!.Address);
        Assert.Equal(copy.Email.To.Select(p => p.Email), message.To.Select(a => a.Address));
        Assert.Equal(copy.Email.Cc.Select(p => p.Email), message.Cc.Select(a => a.Address));
        Assert.Equal(copy.Email.SentAt, message.SentAt);
        Assert.False(message.IsDraft);
        var query = Uri.UnescapeDataString(Assert.Single(_graph.Recorder.Requests).Uri.Query);
        Assert.Contains("$select=", query, StringComparison.Ordinal);
        Assert.DoesNotContain("body", query, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("subject", query, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bodyPreview", query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetMessageAsync_WhenPrivacyPolicyKeepsSubjects_SelectsTheSubjectAndReadsSensitivity()
    {
        var (mailbox, copy) = FirstCopy("sentitems", c => true);
        _graph.Directories.Privacy = new PrivacyPolicy { Subject = SubjectCapture.Hashed };

        var message = await Reader.GetMessageAsync(DemoOrganisation.TenantId, mailbox, copy.Id, CancellationToken.None);

        Assert.Equal((copy.Email!.Subject, "normal"), (message!.Subject, message.Sensitivity));
        var query = Uri.UnescapeDataString(Assert.Single(_graph.Recorder.Requests).Uri.Query);
        Assert.Contains("subject", query, StringComparison.Ordinal);
        Assert.Contains("singleValueExtendedProperties($filter=id eq 'Integer 0x0036')", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMessageAsync_WhenSameEmailReadFromTwoMailboxes_GivesTheSameMetadataButDifferentIds()
    {
        var (mailbox, sent) = FirstCopy("sentitems", c => c.Email!.To.Concat(c.Email.Cc).Any(p => p.Internal));
        var recipient = sent.Email!.To.Concat(sent.Email.Cc).First(p => p.Internal).Email;
        var received = _graph.Mailboxes.Items(recipient, "inbox").First(c => c.Email == sent.Email);

        var fromSender = await Reader.GetMessageAsync(DemoOrganisation.TenantId, mailbox, sent.Id, CancellationToken.None);
        var fromRecipient = await Reader.GetMessageAsync(DemoOrganisation.TenantId, recipient, received.Id, CancellationToken.None);

        Assert.NotEqual(fromSender!.Id, fromRecipient!.Id);
        Assert.Equal(fromSender with { Id = "", ReceivedAt = null }, fromRecipient with { Id = "", ReceivedAt = null }, new MessageComparer());
    }

    [Fact]
    public async Task GetMessageAsync_WhenItemDoesNotExist_ReturnsNull()
    {
        var mailbox = _graph.Simulator.Services.GetRequiredService<DemoOrganisation>().Reps[0].Email;

        Assert.Null(await Reader.GetMessageAsync(DemoOrganisation.TenantId, mailbox, "AAMk-missing", CancellationToken.None));
    }

    [Fact]
    public async Task GetEventAsync_WhenMeetingExists_MapsAttendeesResponsesAndUtcTimes()
    {
        var (mailbox, copy) = FirstCopy("calendar", c => c.Meeting!.Attendees.Any(a => a.Response == "declined"));

        var calendarEvent = await Reader.GetEventAsync(DemoOrganisation.TenantId, mailbox, copy.Id, CancellationToken.None);

        Assert.NotNull(calendarEvent);
        Assert.Equal(copy.Meeting!.ICalUId, calendarEvent.ICalUId);
        Assert.Equal(copy.Meeting.Organizer.Email, calendarEvent.Organizer!.Address);
        Assert.Equal(copy.Meeting.Start, calendarEvent.Start);
        Assert.Equal(copy.Meeting.End, calendarEvent.End);
        Assert.Equal(copy.Meeting.IsCancelled, calendarEvent.IsCancelled);
        Assert.Equal("singleInstance", calendarEvent.Type);
        Assert.Equal(copy.Meeting.Attendees.Select(a => (a.Person.Email, a.Response)), calendarEvent.Attendees.Select(a => (a.Address, a.Response!)));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task GetMessageAsync_WhenThrottledWithRetryAfter_RetriesAndSucceeds(int status)
    {
        var (mailbox, copy) = FirstCopy("sentitems", _ => true);
        using var control = new HttpClient { BaseAddress = new Uri(_graph.BaseUrl) };
        (await control.PostAsJsonAsync("/sim/faults", new { throttleNextRequests = 2, retryAfterSeconds = 1, status })).EnsureSuccessStatusCode();

        var message = await Reader.GetMessageAsync(DemoOrganisation.TenantId, mailbox, copy.Id, CancellationToken.None);

        Assert.Equal(copy.Email!.InternetMessageId, message!.InternetMessageId);
        Assert.Equal([status, status, 200], _graph.Recorder.Requests.Select(r => r.Status));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task GetMessageAsync_WhenThrottlingOutlastsTheSdkRetries_ThrowsGraphThrottledWithGraphsRetryAfter(int status)
    {
        var (mailbox, copy) = FirstCopy("sentitems", _ => true);
        using var control = new HttpClient { BaseAddress = new Uri(_graph.BaseUrl) };
        (await control.PostAsJsonAsync("/sim/faults", new { throttleNextRequests = 10, retryAfterSeconds = 1, status })).EnsureSuccessStatusCode();

        var throttled = await Assert.ThrowsAsync<GraphThrottledException>(() => Reader.GetMessageAsync(DemoOrganisation.TenantId, mailbox, copy.Id, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(1), throttled.RetryAfter);
        Assert.All(_graph.Recorder.Requests, r => Assert.Equal(status, r.Status));
    }

    [Fact]
    public async Task GetMessageAsync_WhenManyReadsForTwoMailboxesAtOnce_KeepsEachMailboxAtFourInFlightButServesBothTogether()
    {
        using var control = new HttpClient { BaseAddress = new Uri(_graph.BaseUrl) };
        (await control.PostAsJsonAsync("/sim/faults", new { delayMs = 150 })).EnsureSuccessStatusCode();
        var reps = _graph.Simulator.Services.GetRequiredService<DemoOrganisation>().Reps.Take(2).Select(r => r.Email).ToList();
        var reads = reps.SelectMany(mailbox => _graph.Mailboxes.Items(mailbox, "sentitems").Take(12)
            .Select(copy => Reader.GetMessageAsync(DemoOrganisation.TenantId, mailbox, copy.Id, CancellationToken.None))).ToList();

        var messages = await Task.WhenAll(reads);

        Assert.All(messages, Assert.NotNull);
        var stats = _graph.Simulator.Services.GetRequiredService<RequestStats>();
        Assert.All(reps, mailbox => Assert.Equal(4, stats.PeakPerMailbox()[mailbox]));
        Assert.True(stats.PeakTotal > 4, "the second mailbox must not wait for the first");
    }

    private IMailboxReader Reader => _graph.Get<IMailboxReader>();

    private (string Mailbox, ItemCopy Copy) FirstCopy(string folder, Func<ItemCopy, bool> predicate)
    {
        foreach (var person in _graph.Simulator.Services.GetRequiredService<DemoOrganisation>().Reps)
        {
            var copy = _graph.Mailboxes.Items(person.Email, folder).FirstOrDefault(predicate);
            if (copy is not null)
            {
                return (person.Email, copy);
            }
        }

        throw new InvalidOperationException($"The simulated organisation has no such item in {folder}.");
    }

    /// <summary>Records compare lists by reference; metadata compares by content.</summary>
    private sealed class MessageComparer : IEqualityComparer<MessageMetadata>
    {
        public bool Equals(MessageMetadata? x, MessageMetadata? y) =>
            x is not null && y is not null && x with { To = [], Cc = [] } == y with { To = [], Cc = [] }
            && x.To.SequenceEqual(y.To) && x.Cc.SequenceEqual(y.Cc);

        public int GetHashCode(MessageMetadata obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
