using System.Collections.Concurrent;
using SalesFunctions.Core.Kpis.Targets;

namespace SalesFunctions.Core.Tests.Fakes;

internal sealed class InMemoryKpiTargetStore : IKpiTargetStore
{
    private readonly ConcurrentDictionary<string, KpiTargets> _targets = new(StringComparer.Ordinal);

    public int Saves { get; private set; }

    /// <summary>Set to make reads fail as a stored file written around the upload's checks does.</summary>
    public bool Unreadable { get; set; }

    public Task<KpiTargets?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        Unreadable ? throw new InvalidDataException("The stored KPI targets cannot be read: '0001-01-01' is not a KPI period key.")
        : Task.FromResult(_targets.TryGetValue(tenantId, out var targets) ? targets : null);

    public Task SaveAsync(string tenantId, KpiTargets targets, CancellationToken cancellationToken)
    {
        _targets[tenantId] = targets;
        Saves++;
        return Task.CompletedTask;
    }
}
