using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// What every KPI reads in a period without facts, as the catalogue itself computes it (counts 0, ratios and medians
/// undefined), so that an absent cell is never told from an empty one by a rule of its own.
/// </summary>
public static class EmptyPeriods
{
    /// <summary>The tenant total's values of each period when the tenant has no activity, deal or case; one computation for all.</summary>
    public static Dictionary<KpiPeriod, IReadOnlyDictionary<string, decimal?>> Values(
        TenantDirectory directory, CrmOptions crm, KpiSettings settings, IReadOnlyCollection<KpiPeriod> periods) =>
        KpiCatalogue.Compute(new KpiInputs(directory, [], [], [], crm, settings), periods).ToDictionary(c => c.Period, c => c.Values);
}
