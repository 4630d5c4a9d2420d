using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator.Calls;

/// <summary>
/// One real call and where it was recorded: Teams (a call record), the PSTN log, the CRM (a HubSpot call logged
/// <see cref="LogOffsetSeconds"/> from the real start, as reps log after the fact). <see cref="Connected"/> is what the CRM
/// log says (HubSpot COMPLETED or NO_ANSWER).
/// </summary>
public sealed record SimCall(
    string Id,
    SimCallKind Kind,
    SimPerson Rep,
    SimPerson Other,
    DateTimeOffset Start,
    int Minutes,
    bool Inbound,
    bool LoggedInCrm,
    int LogOffsetSeconds,
    bool Connected)
{
    public bool InTeams => Kind != SimCallKind.CrmOnly;

    public bool InPstnLog => Kind == SimCallKind.Phone;

    public DateTimeOffset End => Start.AddMinutes(Minutes);

    /// <summary>The HubSpot call object id of the log.</summary>
    public long CrmId => 900_000 + long.Parse(Id[(Id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the call counts: a customer was on it, and it was no meeting.</summary>
    public bool Counts => Kind is SimCallKind.Phone or SimCallKind.Federated or SimCallKind.CrmOnly;
}
