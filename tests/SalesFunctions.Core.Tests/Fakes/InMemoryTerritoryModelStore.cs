using System.Collections.Concurrent;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Core.Tests.Fakes;

internal sealed class InMemoryTerritoryModelStore : ITerritoryModelStore
{
    private readonly ConcurrentDictionary<(string Tenant, DateTimeOffset EffectiveFrom), string> _versions = new();

    public Task SaveAsync(string tenantId, DateTimeOffset effectiveFrom, string json, CancellationToken cancellationToken)
    {
        _versions[(tenantId, effectiveFrom)] = json;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _versions.Where(v => v.Key.Tenant == tenantId).Select(v => v.Value)]);
}
