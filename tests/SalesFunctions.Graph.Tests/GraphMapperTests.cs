using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Graph.Tests;

/// <summary>The published Graph examples, parsed by the SDK's own JSON parser, then mapped by ours.</summary>
public sealed class GraphMapperTests
{
    [Fact]
    public async Task ToMetadata_WhenPublishedMessageExample_MapsItsHeaders()
    {
        var message = await ParseAsync("message-get-response.json", Message.CreateFromDiscriminatorValue);

        var metadata = GraphMapper.ToMetadata(message);

        Assert.Equal("<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>", metadata.InternetMessageId);
        Assert.Equal("AAQkADOUpag6yWs=", metadata.ConversationId);
        Assert.Equal("adelev@contoso.OnMicrosoft.com", metadata.From!.Address);
        Assert.Equal(["AlexW@contoso.OnMicrosoft.com"], metadata.To.Select(a => a.Address));
        Assert.Empty(metadata.Cc);
        Assert.Equal(new DateTimeOffset(2018, 9, 9, 3, 15, 6, TimeSpan.Zero), metadata.SentAt);
        Assert.False(metadata.IsDraft);
    }

    [Fact]
    public async Task ToMetadata_WhenPublishedEventExampleInPacificTime_ConvertsToUtc()
    {
        var calendarEvent = await ParseAsync("event-create-response-singleinstance-multiple-locations.json", Event.CreateFromDiscriminatorValue);

        var metadata = GraphMapper.ToMetadata(calendarEvent);

        Assert.Equal("singleInstance", metadata.Type);
        Assert.False(metadata.IsCancelled);
        Assert.NotEmpty(metadata.Attendees);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific Standard Time");
        var wallClock = DateTime.Parse(calendarEvent.Start!.DateTime!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock, zone)), metadata.Start);
        Assert.Equal(TimeSpan.Zero, metadata.Start!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-10-25T01:30:00.0000000", "W. Europe Standard Time", "2026-10-24T23:30:00Z")]
    [InlineData("2026-10-25T03:30:00.0000000", "Europe/Berlin", "2026-10-25T02:30:00Z")]
    [InlineData("2026-10-25T09:00:00.0000000", "UTC", "2026-10-25T09:00:00Z")]
    [InlineData("2026-10-25T09:00:00.0000000", null, "2026-10-25T09:00:00Z")]
    public void ToInstant_WhenWallClockInAZone_GivesTheUtcInstantAcrossDst(string dateTime, string? zone, string expected)
    {
        var instant = GraphMapper.ToInstant(new DateTimeTimeZone { DateTime = dateTime, TimeZone = zone });

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    private static async Task<T> ParseAsync<T>(string fixture, ParsableFactory<T> factory)
        where T : IParsable
    {
        await using var stream = File.OpenRead(Fixtures.Path("graph", fixture));
        var node = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream);
        return node.GetObjectValue(factory)!;
    }
}
