namespace SalesFunctions.Core.Capture;

/// <summary>
/// What capture reads of a Teams call record (GET /communications/callRecords/{id}, $expand=participants_v2; docs/calls.md):
/// type (peerToPeer, groupCall), modalities, start, end, organizer and participants. Never content: calls have none we read.
/// </summary>
public sealed record CallRecordMetadata(
    string Id,
    string? Type,
    IReadOnlyList<string> Modalities,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? JoinWebUrl,
    CallIdentity? Organizer,
    IReadOnlyList<CallIdentity> Participants);
