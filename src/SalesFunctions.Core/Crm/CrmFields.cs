namespace SalesFunctions.Core.Crm;

/// <summary>
/// The one model every provider's fields map to. Only these are kept: a CRM's other properties never reach storage.
/// Instants are ISO 8601 with offset, amounts invariant decimals, booleans "true"/"false".
/// </summary>
public static class CrmFields
{
    // Accounts
    public const string Name = "name";
    public const string Domains = "domains";

    // Contacts
    public const string Email = "email";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Title = "title";
    public const string Role = "role";
    public const string AccountId = "accountId";

    /// <summary>A contact's phone number as the CRM writes it.</summary>
    public const string Phone = "phone";

    // Deals
    public const string Pipeline = "pipeline";
    public const string Stage = "stage";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string OwnerId = "ownerId";
    public const string CreatedAt = "createdAt";
    public const string CloseDate = "closeDate";
    public const string ClosedAt = "closedAt";
    public const string ForecastCategory = "forecastCategory";
    public const string Status = "status";
    public const string LostReason = "lostReason";
    public const string Source = "source";

    // Deal qualification fields (docs/qualification.md). No provider parser reads them natively: they arrive through
    // a connector's field mapping or the generic provider, so a tenant maps its own CRM properties onto these names.
    public const string Pain = "pain";
    public const string Competitor = "competitor";
    public const string DecisionProcess = "decisionProcess";
    public const string DecisionCriteria = "decisionCriteria";
    public const string PaperProcess = "paperProcess";
    public const string ChampionName = "championName";
    public const string EconomicBuyerName = "economicBuyerName";

    // Service cases
    public const string OpenedAt = "openedAt";
    public const string ResolvedAt = "resolvedAt";
    public const string FirstContactResolution = "firstContactResolution";
    public const string HandleMinutes = "handleMinutes";
    public const string Csat = "csat";

    // Logged calls (docs/calls.md)
    public const string StartedAt = "startedAt";
    public const string DurationSeconds = "durationSeconds";

    /// <summary>"inbound" or "outbound" as seen from the rep.</summary>
    public const string Direction = "direction";

    /// <summary>"true" when the CRM says the call connected, "false" when it says it did not; absent when it does not say.</summary>
    public const string Connected = "connected";
    public const string ContactId = "contactId";

    /// <summary>The number called and the number calling, as the CRM writes them; the customer's is picked by direction.</summary>
    public const string ToNumber = "toNumber";
    public const string FromNumber = "fromNumber";

    /// <summary>Set on a delete; a later re-creation in the CRM sets it back with a newer version.</summary>
    public const string Deleted = "deleted";

    public const string Open = "open";
    public const string Won = "won";
    public const string Lost = "lost";
}
