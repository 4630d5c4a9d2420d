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

    /// <summary>Set on a delete; a later re-creation in the CRM sets it back with a newer version.</summary>
    public const string Deleted = "deleted";

    public const string Open = "open";
    public const string Won = "won";
    public const string Lost = "lost";
}
