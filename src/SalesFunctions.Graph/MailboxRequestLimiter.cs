using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SalesFunctions.Graph;

/// <summary>
/// Outlook allows 4 concurrent requests per app and mailbox; more only earns 429s. One gate per mailbox keeps us at
/// the limit there while other mailboxes proceed independently.
/// </summary>
public sealed class MailboxRequestLimiter(IOptions<GraphOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<T> RunAsync<T>(string tenantId, string mailbox, Func<Task<T>> request, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd($"{tenantId}|{mailbox}", _ => new SemaphoreSlim(options.Value.MaxConcurrentRequestsPerMailbox));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await request();
        }
        finally
        {
            gate.Release();
        }
    }
}
