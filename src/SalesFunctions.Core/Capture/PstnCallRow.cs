namespace SalesFunctions.Core.Capture;

/// <summary>
/// One row of getPstnCalls (pstnCallLogRow; docs/calls.md): the Teams user, the call type ("user_in", "user_out", …,
/// "conf_in" for an audio-conference leg), start and end, the numbers (E.164), and the duration in seconds.
/// <see cref="CallId"/> is documented as not unique, so the row is keyed by it with its start.
/// </summary>
public sealed record PstnCallRow(
    string CallId,
    string? UserId,
    string? UserPrincipalName,
    string? CallType,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? CallerNumber,
    string? CalleeNumber,
    int? DurationSeconds);
