using System.Collections.Concurrent;
using SalesFunctions.Core.Kpis.Targets;

namespace SalesFunctions.Core.Tests.Fakes;

internal sealed class InMemoryKpiTargetStore : IKpiTargetStore
{
    private readonly ConcurrentDictionary<string, KpiTargets> _targets = new(StringComparer.Ordinal);

    public int Saves { get; private set; }

    public Task<KpiTargets?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_targets.TryGetValue(tenantId, out var targets) ? targets : null);

    public Task SaveAsync(string tenantId, KpiTargets targets, CancellationToken cancellationToken)
    {
        _targets[tenantId] = targets;
        Saves++;
        return Task.CompletedTask;
    }
}
