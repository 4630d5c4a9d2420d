namespace SalesFunctions.Simulator;

public sealed record SimulatorOptions
{
    private readonly DateOnly? _firstDay;

    public string Urls { get; init; } = "http://127.0.0.1:7072";

    public int Seed { get; init; } = 42;

    /// <summary>
    /// The simulator's "now": subscription expirations and webhook timestamps. Tests pass the clock the Host under test
    /// runs on, so that a run can play any calendar day (scripts/date-sweep.sh).
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The first simulated day: by default 35 days before today (UTC, by <see cref="Clock"/>), so that the
    /// organisation's 30 days are recent history, inside the Host's delta window (Sync:HistoryDays back from now)
    /// whenever the demo runs.
    /// </summary>
    public DateOnly FirstDay
    {
        get => _firstDay ?? DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(-35);
        init => _firstDay = value;
    }

    public int Days { get; init; } = 30;

    /// <summary>
    /// The month that holds most of the simulated days (the later one on a tie), as yyyy-MM: the demo's month tables and
    /// leaderboard show it, since the first month may hold only a few days.
    /// </summary>
    public string DataMonth => Enumerable.Range(0, Days).Select(FirstDay.AddDays)
        .GroupBy(d => (d.Year, d.Month)).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
        .Select(g => g.Key).Select(m => new DateOnly(m.Year, m.Month, 1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).First();

    /// <summary>Multiplies the number of threads and meetings per rep and day (1 = about 5,000 messages in 30 days).</summary>
    public double Volume { get; init; } = 1.0;

    /// <summary>
    /// Senders as patient as the real ones (scripts/chaos.sh): Graph retries a notification for hours and the CRMs retry
    /// a webhook for a day, so a Host that is down for a while loses nothing. Notifications are then tried up to 60 times,
    /// and CRM webhooks and the driver's own calls are retried on connection failures and 5xx for up to 5 minutes.
    /// </summary>
    public bool PatientSenders { get; init; }

    /// <summary>Graph's maximum subscription lifetime, which creation requests must not exceed.</summary>
    public int MaxSubscriptionMinutes { get; init; } = 10080;
}
