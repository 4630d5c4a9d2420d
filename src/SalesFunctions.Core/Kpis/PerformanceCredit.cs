using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis;

/// <summary>A CRM fact with the rep who owns it (null when its owner maps to no rep: it still counts for the tenant).</summary>
/// <param name="Revenue">A won deal's amount in the reporting currency; null when unknown or not convertible.</param>
public sealed record PerformanceCredit(CrmFact Fact, Rep? Rep, decimal? Revenue);
