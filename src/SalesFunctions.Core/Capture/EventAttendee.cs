namespace SalesFunctions.Core.Capture;

/// <param name="Response">Graph's responseStatus.response: none, organizer, tentativelyAccepted, accepted, declined, notResponded.</param>
public sealed record EventAttendee(string Address, string? Response);
