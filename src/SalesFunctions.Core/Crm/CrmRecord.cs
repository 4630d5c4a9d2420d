namespace SalesFunctions.Core.Crm;

/// <summary>
/// A CRM account, contact, deal or case as the latest events state it. Each field keeps the version (provider time) of
/// the change that set it, and a change only wins a field with a newer version (ties: the larger value), so applying
/// any set of changes in any order, with any duplicates, ends in the same record: what makes replays, retries and
/// out-of-order deliveries harmless.
/// </summary>
public sealed class CrmRecord(string tenantId, string connectorId, CrmEntityKind kind, string externalId)
{
    public string TenantId { get; } = tenantId;

    public string ConnectorId { get; } = connectorId;

    public CrmEntityKind Kind { get; } = kind;

    public string ExternalId { get; } = externalId;

    public Dictionary<string, CrmFieldValue> Fields { get; init; } = new(StringComparer.Ordinal);

    public string? this[string field] => Fields.TryGetValue(field, out var value) ? value.Value : null;

    public bool IsDeleted => this[CrmFields.Deleted] == "true";

    /// <summary>Applies the fields of <paramref name="change"/> that are newer than what is held; true when any was.</summary>
    public bool Apply(CrmChange change)
    {
        var changed = false;
        foreach (var (name, value) in change.Fields)
        {
            if (!Fields.TryGetValue(name, out var held) || Wins(change.Version, value, held))
            {
                changed = true;
                Fields[name] = new CrmFieldValue(value, change.Version);
            }
        }

        return changed;
    }

    public CrmRecord Clone() => new(TenantId, ConnectorId, Kind, ExternalId) { Fields = new(Fields, StringComparer.Ordinal) };

    private static bool Wins(DateTimeOffset version, string? value, CrmFieldValue held) =>
        version > held.Version || (version == held.Version && string.CompareOrdinal(value, held.Value) > 0);
}
