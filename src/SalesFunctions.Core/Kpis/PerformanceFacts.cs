using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis;

/// <summary>Reads a tenant's CRM deals and cases once per rollup and credits their facts to reps, by tenant day.</summary>
public sealed class PerformanceFacts(ICrmStore records)
{
    public async Task<ILookup<DateOnly, PerformanceCredit>> LoadAsync(TenantDirectory directory, CrmOptions options, CancellationToken cancellationToken)
    {
        var facts = new List<CrmFact>();
        foreach (var kind in new[] { CrmEntityKind.Deal, CrmEntityKind.Case })
        {
            await foreach (var record in records.ListAsync(directory.TenantId, kind, cancellationToken))
            {
                facts.AddRange(CrmFact.Of(record));
            }
        }

        return Credit(directory, options, facts).ToLookup(c => directory.LocalDay(c.Fact.At));
    }

    /// <summary>
    /// The owner's rep through the connector's owner map (CRM user id → rep email), or the owner id itself when it is
    /// an address; revenue converted to the reporting currency, or left out when no rate is configured.
    /// </summary>
    public static IEnumerable<PerformanceCredit> Credit(TenantDirectory directory, CrmOptions options, IEnumerable<CrmFact> facts)
    {
        foreach (var fact in facts)
        {
            var revenue = fact.Kind == CrmFactKind.DealWon && fact.Amount is { } amount ? ToReporting(options, fact.ConnectorId, amount, fact.Currency) : null;
            yield return new PerformanceCredit(fact, OwnerRep(directory, options, fact.ConnectorId, fact.OwnerId), revenue);
        }
    }

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
