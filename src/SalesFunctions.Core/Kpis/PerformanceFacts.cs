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
            var connector = options.Connectors.GetValueOrDefault(fact.ConnectorId);
            var ownerEmail = fact.OwnerId is null ? null : connector?.Owners.GetValueOrDefault(fact.OwnerId) ?? fact.OwnerId;
            var rep = ownerEmail is not null && ownerEmail.Contains('@', StringComparison.Ordinal) ? directory.RepByEmail(ownerEmail) : null;
            var revenue = fact.Kind == CrmFactKind.DealWon && fact.Amount is { } amount
                ? options.ToReporting(amount, fact.Currency ?? connector?.DefaultCurrency)
                : null;
            yield return new PerformanceCredit(fact, rep, revenue);
        }
    }
}
