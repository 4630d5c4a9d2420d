using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SalesFunctions.Core.Crm;

namespace SalesFunctions.Core.Tests.Fakes;

/// <summary>CRM records with the table store's concurrency rule (save only over the ETag read), and payload blobs.</summary>
internal sealed class InMemoryCrmStore : ICrmStore, ICrmPayloadStore
{
    private readonly ConcurrentDictionary<(string, CrmEntityKind, string, string), (CrmRecord Record, int Version)> _records = new();
    private readonly ConcurrentDictionary<(string, string, string), bool> _events = new();
    private readonly ConcurrentDictionary<string, byte[]> _payloads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string, string), CrmConnectorWarning> _warnings = new();
    private int _version;

    public int Saves;

    public Task<(CrmRecord Record, string ETag)?> GetAsync(string tenantId, CrmEntityKind kind, string connectorId, string externalId, CancellationToken cancellationToken) =>
        Task.FromResult<(CrmRecord, string)?>(_records.TryGetValue((tenantId, kind, connectorId, externalId), out var held)
            ? (held.Record.Clone(), held.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null);

    public Task<bool> SaveAsync(CrmRecord record, string? etag, CancellationToken cancellationToken)
    {
        var key = (record.TenantId, record.Kind, record.ConnectorId, record.ExternalId);
        var next = (record.Clone(), Interlocked.Increment(ref _version));
        var saved = etag is null
            ? _records.TryAdd(key, next)
            : _records.TryGetValue(key, out var held) && held.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) == etag && _records.TryUpdate(key, next, held);
        if (saved)
        {
            Interlocked.Increment(ref Saves);
        }

        return Task.FromResult(saved);
    }

    public async IAsyncEnumerable<CrmRecord> ListAsync(string tenantId, CrmEntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var entry in _records.Where(r => r.Key.Item1 == tenantId && r.Key.Item2 == kind).OrderBy(r => r.Key.Item4, StringComparer.Ordinal))
        {
            yield return entry.Value.Record.Clone();
        }
    }

    public Task<bool> IsProcessedAsync(string tenantId, string connectorId, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(_events.ContainsKey((tenantId, connectorId, eventId)));

    public Task MarkProcessedAsync(string tenantId, string connectorId, string eventId, CancellationToken cancellationToken)
    {
        _events[(tenantId, connectorId, eventId)] = true;
        return Task.CompletedTask;
    }

    /// <summary>Forgets the processed event ids, as a crash before <see cref="MarkProcessedAsync"/> would leave them.</summary>
    public Task ForgetProcessedAsync(string tenantId, string connectorId)
    {
        foreach (var key in _events.Keys.Where(k => k.Item1 == tenantId && k.Item2 == connectorId).ToList())
        {
            _events.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public Task<string> SaveAsync(string tenantId, string connectorId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var name = $"{tenantId}/{connectorId}/{Guid.NewGuid():N}";
        _payloads[name] = body.ToArray();
        return Task.FromResult(name);
    }

    public Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_payloads[name]);

    public IReadOnlyList<CrmRecord> All => [.. _records.Values.Select(v => v.Record).OrderBy(r => r.Kind).ThenBy(r => r.ExternalId, StringComparer.Ordinal)];

    public Task WarnAsync(CrmConnectorWarning warning, CancellationToken cancellationToken)
    {
        _warnings[(warning.TenantId, warning.ConnectorId, warning.Warning)] = warning;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CrmConnectorWarning>> ListWarningsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CrmConnectorWarning>>([.. _warnings.Values.OrderByDescending(w => w.LastSeen)]);
}
