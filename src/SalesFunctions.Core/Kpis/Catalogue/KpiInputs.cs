using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// Everything one tenant's KPIs are computed from. Activities may reach beyond the requested periods: the year before a
/// period decides its "first" and "new" KPIs, and replies in the 14 days after its end still answer its emails. Those of
/// <see cref="KpiCatalogue.InputDays"/> are enough; any others change nothing.
/// </summary>
/// <param name="Deals">CRM records of kind <see cref="CrmEntityKind.Deal"/>; records of another kind are ignored.</param>
/// <param name="Cases">CRM records of kind <see cref="CrmEntityKind.Case"/>; records of another kind are ignored.</param>
public sealed record KpiInputs(
    TenantDirectory Directory,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<CrmRecord> Deals,
    IReadOnlyList<CrmRecord> Cases,
    CrmOptions Crm,
    KpiSettings Settings);
