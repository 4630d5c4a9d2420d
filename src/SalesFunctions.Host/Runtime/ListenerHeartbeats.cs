using System.Collections.Concurrent;

namespace SalesFunctions.Host.Runtime;

/// <summary>
/// What the readiness check reads about this instance's listeners: each one's task, when each queue listener last
/// heard back from storage, and when each timer last ran and whether that run succeeded.
/// </summary>
public sealed class ListenerHeartbeats
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _polls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, bool Succeeded)> _runs = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<(string Function, BackgroundService Listener)> _listeners = [];

    /// <summary>The listeners this instance runs; none when Listeners:Enabled is false.</summary>
    public IReadOnlyList<(string Function, BackgroundService Listener)> Listeners => _listeners;

    public void Started(IEnumerable<(string Function, BackgroundService Listener)> listeners) => _listeners = [.. listeners];

    public void Polled(string function, DateTimeOffset at) => _polls[function] = at;

    public void Ran(string function, DateTimeOffset at, bool succeeded) => _runs[function] = (at, succeeded);

    public DateTimeOffset? LastPoll(string function) => _polls.TryGetValue(function, out var at) ? at : null;

    public (DateTimeOffset At, bool Succeeded)? LastRun(string function) => _runs.TryGetValue(function, out var run) ? run : null;
}
