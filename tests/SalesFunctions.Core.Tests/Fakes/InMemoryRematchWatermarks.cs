using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Core.Tests.Fakes;

internal sealed class InMemoryRematchWatermarks : IRematchWatermarks
{
    private readonly Dictionary<string, DateTimeOffset> _marks = new(StringComparer.Ordinal);

    public Task<DateTimeOffset?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_marks.TryGetValue(tenantId, out var mark) ? mark : (DateTimeOffset?)null);

    public Task AdvanceAsync(string tenantId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        _marks[tenantId] = _marks.TryGetValue(tenantId, out var mark) && mark > startedAt ? mark : startedAt;
        return Task.CompletedTask;
    }
}
