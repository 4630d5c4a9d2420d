using System.Text.Json;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Core.Tests.Capture;

public sealed class ActivityNormaliserTests
{
    private static readonly TenantDirectory Directory = TestData.Directory();

    [Fact]
    public void FromMessage_WhenPublishedExampleAndBothAddressesInternal_IsInternalOnly()
    {
        var contoso = Directory with { InternalDomains = ["contoso.onmicrosoft.com"] };

        var result = ActivityNormaliser.FromMessage(contoso, PublishedMessage());

        Assert.Null(result.Activity);
        Assert.Equal(CaptureOutcome.InternalOnly, result.Outcome);
    }

    [Fact]
    public void FromMessage_WhenPublishedExampleFromOutside_IsInboundWithLowerCasedParticipants()
    {
        var result = ActivityNormaliser.FromMessage(Directory with { InternalDomains = ["contoso-sales.example"] }, PublishedMessage() with
        {
            To = [new MailAddress("AVA@Contoso-Sales.example")],
        });

        var activity = Assert.IsType<Activity>(result.Activity);
        Assert.Equal(ActivityDirection.Inbound, activity.Direction);
        Assert.Equal(ActivityKind.Email, activity.Kind);
        Assert.Equal(new DateTimeOffset(2018, 9, 9, 3, 15, 6, TimeSpan.Zero), activity.OccurredAt);
        Assert.Equal([("adelev@contoso.onmicrosoft.com", ParticipantRole.From, false), ("ava@contoso-sales.example", ParticipantRole.To, true)],
            activity.Participants.Select(p => (p.Email, p.Role, p.IsInternal)));
        Assert.Equal(ActivityIds.ForEmail(TestData.Tenant, "<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>"), activity.ActivityId);
    }

    [Fact]
    public void FromMessage_WhenSameMessageReadFromTwoMailboxes_GivesTheSameActivity()
    {
        var sent = Message(TestData.Ava, [TestData.Kim], [TestData.Bo]);
        var received = sent with { Id = "inbox-copy-of-bo", ReceivedAt = sent.SentAt!.Value.AddSeconds(4) };

        var first = ActivityNormaliser.FromMessage(Directory, sent).Activity!;
        var second = ActivityNormaliser.FromMessage(Directory, received).Activity!;

        Assert.True(first.SameContentAs(second));
    }

    [Theory]
    [InlineData(true, "<m1@x>", CaptureOutcome.Draft)]
    [InlineData(false, "", CaptureOutcome.NoMessageId)]
    [InlineData(false, "<m1@x>", CaptureOutcome.Queued)]
    public void FromMessage_WhenDraftOrWithoutMessageId_IsExcluded(bool draft, string messageId, CaptureOutcome expected)
    {
        var message = Message(TestData.Ava, [TestData.Kim]) with { IsDraft = draft, InternetMessageId = messageId };

        Assert.Equal(expected, ActivityNormaliser.FromMessage(Directory, message).Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FromMessage_WhenNoReadableSender_IsExcludedWithItsKeySoTheTraceSaysWhy(string? from)
    {
        var message = Message(TestData.Ava, [TestData.Kim], [TestData.Bo]) with { From = from is null ? null : new MailAddress(from) };

        var result = ActivityNormaliser.FromMessage(Directory, message);

        Assert.Null(result.Activity);
        Assert.Equal(CaptureOutcome.NoSender, result.Outcome);
        Assert.Equal(ActivityIds.ForEmail(TestData.Tenant, message.InternetMessageId!), result.Key);
    }

    [Fact]
    public void FromMessage_WhenOnlyInternalPeople_IsInternalOnly() =>
        Assert.Equal(CaptureOutcome.InternalOnly, ActivityNormaliser.FromMessage(Directory, Message(TestData.Ava, [TestData.Colleague], [TestData.Bo])).Outcome);

    [Fact]
    public void FromMessage_WhenAddressRepeatedInToAndCc_KeepsItOnceWithItsFirstRole()
    {
        var activity = ActivityNormaliser.FromMessage(Directory, Message(TestData.Ava, [TestData.Kim], [TestData.Kim, TestData.Ava])).Activity!;

        Assert.Equal([ParticipantRole.From, ParticipantRole.To], activity.Participants.Select(p => p.Role));
        Assert.Equal(ActivityDirection.Outbound, activity.Direction);
    }

    [Fact]
    public void FromEvent_WhenPublishedExample_IsAMeetingInUtc()
    {
        var activity = ActivityNormaliser.FromEvent(Directory, PublishedEvent()).Activity!;

        Assert.Equal(ActivityKind.Meeting, activity.Kind);
        Assert.Equal(TimeSpan.Zero, activity.OccurredAt.Offset);
        Assert.True(activity.DurationMinutes > 0);
        Assert.Contains(activity.Participants, p => p.Role == ParticipantRole.Organizer);
    }

    [Theory]
    [InlineData(true, false, "singleInstance", CaptureOutcome.Cancelled)]
    [InlineData(false, true, "singleInstance", CaptureOutcome.AllDay)]
    [InlineData(false, false, "seriesMaster", CaptureOutcome.SeriesMaster)]
    [InlineData(false, false, "occurrence", CaptureOutcome.Queued)]
    public void FromEvent_WhenCancelledAllDayOrSeriesMaster_IsExcluded(bool cancelled, bool allDay, string type, CaptureOutcome expected)
    {
        var calendarEvent = Event(TestData.Ava, [(TestData.Kim, "accepted")]) with { IsCancelled = cancelled, IsAllDay = allDay, Type = type };

        Assert.Equal(expected, ActivityNormaliser.FromEvent(Directory, calendarEvent).Outcome);
    }

    [Fact]
    public void FromEvent_WhenAttendeeDeclined_MarksOnlyThatAttendee()
    {
        var activity = ActivityNormaliser.FromEvent(Directory, Event(TestData.Ava, [(TestData.Kim, "accepted"), (TestData.Bo, "declined")])).Activity!;

        Assert.Equal([false, false, true], activity.Participants.Select(p => p.Declined));
    }

    [Fact]
    public void FromEvent_WhenNoExternalAttendee_IsInternalOnly() =>
        Assert.Equal(CaptureOutcome.InternalOnly, ActivityNormaliser.FromEvent(Directory, Event(TestData.Ava, [(TestData.Bo, "accepted")])).Outcome);

    private static MessageMetadata Message(string from, string[] to, string[]? cc = null) => new(
        "id-1", "<m1@contoso-sales.example>", "conv-1", new MailAddress(from), to.Select(a => new MailAddress(a)).ToList(),
        (cc ?? []).Select(a => new MailAddress(a)).ToList(), new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero), null, false);

    private static EventMetadata Event(string organizer, (string Email, string Response)[] attendees) => new(
        "ev-1", "ical-1", new MailAddress(organizer), attendees.Select(a => new EventAttendee(a.Email, a.Response)).ToList(),
        new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 5, 9, 45, 0, TimeSpan.Zero), false, false, "singleInstance");

    private static MessageMetadata PublishedMessage()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Path("graph", "message-get-response.json")));
        var root = json.RootElement;
        static List<MailAddress> Addresses(JsonElement list) =>
            list.EnumerateArray().Select(r => new MailAddress(r.GetProperty("emailAddress").GetProperty("address").GetString()!)).ToList();
        return new MessageMetadata(
            root.GetProperty("id").GetString()!,
            root.GetProperty("internetMessageId").GetString(),
            root.GetProperty("conversationId").GetString(),
            new MailAddress(root.GetProperty("from").GetProperty("emailAddress").GetProperty("address").GetString()!),
            Addresses(root.GetProperty("toRecipients")),
            Addresses(root.GetProperty("ccRecipients")),
            root.GetProperty("sentDateTime").GetDateTimeOffset(),
            root.GetProperty("receivedDateTime").GetDateTimeOffset(),
            root.GetProperty("isDraft").GetBoolean());
    }

    private static EventMetadata PublishedEvent()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Path("graph", "event-create-response-singleinstance-multiple-locations.json")));
        var root = json.RootElement;
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        DateTimeOffset Instant(string name) => new(TimeZoneInfo.ConvertTimeToUtc(
            DateTime.Parse(root.GetProperty(name).GetProperty("dateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture), pacific));
        return new EventMetadata(
            root.GetProperty("id").GetString()!,
            root.GetProperty("iCalUId").GetString(),
            new MailAddress(root.GetProperty("organizer").GetProperty("emailAddress").GetProperty("address").GetString()!),
            root.GetProperty("attendees").EnumerateArray().Select(a => new EventAttendee(
                a.GetProperty("emailAddress").GetProperty("address").GetString()!, a.GetProperty("status").GetProperty("response").GetString())).ToList(),
            Instant("start"),
            Instant("end"),
            root.GetProperty("isCancelled").GetBoolean(),
            root.GetProperty("isAllDay").GetBoolean(),
            root.GetProperty("type").GetString());
    }
}
