namespace SalesFunctions.Simulator.Calls;

public enum SimCallKind
{
    /// <summary>A rep dialled a customer's number from Teams: a call record with a phone participant and a PSTN log row.</summary>
    Phone,

    /// <summary>A Teams call with a customer's own Teams (a federated user, by UPN).</summary>
    Federated,

    /// <summary>A call with a colleague: internal, counts for no one.</summary>
    Internal,

    /// <summary>A Teams meeting's call record (it has a join URL): the calendar's, not a call.</summary>
    OnlineMeeting,

    /// <summary>Logged in the CRM only (a mobile call): no Teams record.</summary>
    CrmOnly,
}
