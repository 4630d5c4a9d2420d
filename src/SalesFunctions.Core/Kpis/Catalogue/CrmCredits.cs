using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>How CRM records are credited: the owner's rep through the connector's owner map, amounts in the reporting currency.</summary>
public static class CrmCredits
{
    /// <summary>The rep a CRM owner id maps to through the connector's owner map, or null (the record counts for the tenant only).</summary>
    internal static Rep? OwnerRep(TenantDirectory directory, CrmOptions options, string connectorId, string? ownerId)
    {
        var connector = options.Connectors.GetValueOrDefault(connectorId);
        var ownerEmail = ownerId is null ? null : connector?.Owners.GetValueOrDefault(ownerId) ?? ownerId;
        return ownerEmail is not null && ownerEmail.Contains('@', StringComparison.Ordinal) ? directory.RepByEmail(ownerEmail) : null;
    }

    /// <summary>
    /// An amount in the reporting currency; without a currency of its own it is in the connector's default currency.
    /// Null when no rate is configured for that currency.
    /// </summary>
    internal static decimal? ToReporting(CrmOptions options, string connectorId, decimal amount, string? currency) =>
        options.ToReporting(amount, currency ?? options.Connectors.GetValueOrDefault(connectorId)?.DefaultCurrency);
}
