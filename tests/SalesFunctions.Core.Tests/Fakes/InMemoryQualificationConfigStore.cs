using System.Collections.Concurrent;
using SalesFunctions.Core.Qualification;

namespace SalesFunctions.Core.Tests.Fakes;

internal sealed class InMemoryQualificationConfigStore : IQualificationConfigStore
{
    private readonly ConcurrentDictionary<string, string> _configs = new(StringComparer.Ordinal);

    public Task SaveAsync(string tenantId, string json, CancellationToken cancellationToken)
    {
        _configs[tenantId] = json;
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_configs.TryGetValue(tenantId, out var json) ? json : null);
}
