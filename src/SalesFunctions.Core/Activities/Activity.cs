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

    /// <summary>
    /// Territory ids stamped at score time from the model in force when the activity happened: the primary and
    /// overlay territories of its accounts with all their ancestors. A later model does not change them; only an
    /// explicit re-territory does (docs/territories.md).
    /// </summary>
    public IReadOnlyList<string> Territories { get; init; } = [];

    /// <summary>Reps on the activity who are members of none of its accounts' territories (working outside them).</summary>
    public IReadOnlyList<string> RepsOutsideTerritory { get; init; } = [];

    /// <summary>
    /// Calls only: the source that recorded it ("teams", "pstn", or "crm:" + connector id); calls of different sources
    /// that are one real call are counted once (<see cref="Kpis.Catalogue.CallDedupe"/>).
    /// </summary>
    public string? CallSource { get; init; }

    /// <summary>Calls only: whether the call connected, where the source says so; null when it does not.</summary>
    public bool? Connected { get; init; }

    /// <summary>Records compare lists by reference; activities compare by content.</summary>
    public bool SameContentAs(Activity other) =>
        this with { Participants = [], Territories = [], RepsOutsideTerritory = [] } == other with { Participants = [], Territories = [], RepsOutsideTerritory = [] }
        && Participants.SequenceEqual(other.Participants)
        && Territories.SequenceEqual(other.Territories, StringComparer.Ordinal)
        && RepsOutsideTerritory.SequenceEqual(other.RepsOutsideTerritory, StringComparer.Ordinal);
}
