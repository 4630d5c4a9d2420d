using System.Collections.Concurrent;

namespace SalesFunctions.Simulator.Graph;

/// <summary>In-flight Graph requests per mailbox and overall, with their peaks: what Outlook's concurrency limit counts.</summary>
public sealed class RequestStats
{
    private readonly ConcurrentDictionary<string, (int Now, int Peak)> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private int _total;

    public int PeakTotal { get; private set; }

    public IDisposable Enter(string mailbox)
    {
        lock (_lock)
        {
            var (now, peak) = _mailboxes.GetValueOrDefault(mailbox);
            _mailboxes[mailbox] = (now + 1, Math.Max(peak, now + 1));
            PeakTotal = Math.Max(PeakTotal, ++_total);
        }

        return new Exit(this, mailbox);
    }

    public IReadOnlyDictionary<string, int> PeakPerMailbox()
    {
        lock (_lock)
        {
            return _mailboxes.ToDictionary(m => m.Key, m => m.Value.Peak, StringComparer.OrdinalIgnoreCase);
        }
    }

    private void Leave(string mailbox)
    {
        lock (_lock)
        {
            var (now, peak) = _mailboxes[mailbox];
            _mailboxes[mailbox] = (now - 1, peak);
            _total--;
        }
    }

    private sealed class Exit(RequestStats stats, string mailbox) : IDisposable
    {
        public void Dispose() => stats.Leave(mailbox);
    }
}
