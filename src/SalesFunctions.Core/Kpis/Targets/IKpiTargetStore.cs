namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>The targets uploaded for each tenant; null when none were.</summary>
public interface IKpiTargetStore
{
    Task<KpiTargets?> GetAsync(string tenantId, CancellationToken cancellationToken);

    Task SaveAsync(string tenantId, KpiTargets targets, CancellationToken cancellationToken);
}
