namespace SalesFunctions.Core.Activities;

/// <summary>
/// One sales activity, the same whichever mailbox or folder it was observed in: its content depends only on the
/// item's metadata, so that upserting it from a second mailbox changes nothing. <see cref="Subject"/> is what the
/// tenant's privacy policy keeps of it (nothing, a hash or the text); <see cref="Sensitivity"/> is Graph's value.
/// </summary>
public sealed record Activity(
    string TenantId,
    string ActivityId,
    ActivityKind Kind,
    ActivityDirection Direction,
    DateTimeOffset OccurredAt,
    DateTimeOffset? EndsAt,
    string? ConversationId,
    IReadOnlyList<Participant> Participants,
    string? Subject = null,
    string? Sensitivity = null)
{
    public int DurationMinutes => EndsAt is { } end && end > OccurredAt ? (int)Math.Round((end - OccurredAt).TotalMinutes) : 0;

    public IEnumerable<Participant> Externals => Participants.Where(p => !p.IsInternal);

    /// <summary>Records compare lists by reference; activities compare by content.</summary>
    public bool SameContentAs(Activity other) =>
        this with { Participants = [] } == other with { Participants = [] }
        && Participants.SequenceEqual(other.Participants);
}
