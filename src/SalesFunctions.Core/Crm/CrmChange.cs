namespace SalesFunctions.Core.Crm;

/// <summary>
/// One provider event in the common model: the fields it states about one record, all as of <paramref name="Version"/>
/// (the provider's own time of the change). A null field value means the CRM cleared it.
/// </summary>
/// <param name="EventId">The provider's event id (HubSpot: eventId, objectId and occurredAt, since eventId alone is not unique).</param>
public sealed record CrmChange(
    string EventId,
    CrmEntityKind Kind,
    string ExternalId,
    DateTimeOffset Version,
    IReadOnlyDictionary<string, string?> Fields);
