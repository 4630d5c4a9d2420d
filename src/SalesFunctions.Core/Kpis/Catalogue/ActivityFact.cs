namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// What the catalogue needs of one credited activity. Reps, accounts, contacts and territories are slices of the
/// index's shared pools rather than arrays of their own: a million activities then hold no references, so the garbage
/// collector has nothing in them to trace, and building them allocates nothing per activity.
/// </summary>
internal struct ActivityFact
{
    public int Day;
    public ActivityCredits.CreditKind Kind;
    public int Minutes;

    /// <summary>Calls: whether the source says it connected; null when it does not say, and for other kinds.</summary>
    public bool? Connected;
    public int RepStart;
    public int RepCount;

    /// <summary>The first this many of the activity's reps are in its RepsOutsideTerritory (the rest are not).</summary>
    public int OutsideCount;
    public int AccountStart;
    public int AccountCount;
    public int ContactStart;
    public int ContactCount;
    public int TerritoryStart;
    public int TerritoryCount;

    /// <summary>Inbound email: ticks to the next rep email in its conversation; −1 when none followed within the reply window or not inbound.</summary>
    public long RepResponseTicks;

    /// <summary>Outbound email: ticks to the next customer email in its conversation; −1 when none followed within the reply window or not outbound.</summary>
    public long CustomerResponseTicks;

    /// <summary>An inbound email with no inbound one of its conversation in the history window before: ticks to the next rep email; −1 otherwise.</summary>
    public long FirstResponseTicks;

    /// <summary>Inbound email with a conversation id: whether a rep email followed within the reply window. Others take no part in the reply rate.</summary>
    public bool? Replied;
}
