using System.Diagnostics.Metrics;

namespace SalesFunctions.Core;

/// <summary>
/// The instruments of the meter "SalesFunctions", exported through OpenTelemetry or read with dotnet-counters
/// (docs/operations.md lists each with the alert it should have). Tags name queues, steps, outcomes, providers and
/// status classes: never a tenant's people, addresses or subjects.
/// </summary>
public sealed class SalesFunctionsMetrics : IDisposable
{
    public const string MeterName = "SalesFunctions";

    private readonly Meter _meter;

    public SalesFunctionsMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        NotificationsAccepted = _meter.CreateCounter<long>("salesfunctions.graph.notifications.accepted", "{notification}",
            "Graph notification items authenticated and queued, tagged by kind (change, lifecycle).");
        NotificationsRejected = _meter.CreateCounter<long>("salesfunctions.graph.notifications.rejected", "{notification}",
            "Graph notification items refused (malformed, unknown subscription, wrong clientState), tagged by kind.");
        AckLatency = _meter.CreateHistogram<double>("salesfunctions.graph.notifications.ack_latency", "s",
            "Time from a notification POST's body read to its answer; Graph wants it under 3 seconds.");
        GraphRequests = _meter.CreateCounter<long>("salesfunctions.graph.requests", "{request}",
            "Microsoft Graph calls, tagged by http.response.status_code class (2xx, 4xx, 5xx, none) and throttled (429 or 503).");
        ItemsCaptured = _meter.CreateCounter<long>("salesfunctions.capture.items", "{item}", "Items fetched by the capture step, tagged by outcome.");
        CaptureLatency = _meter.CreateHistogram<double>("salesfunctions.capture.latency", "s",
            "From an email's sent or received time (a meeting's creation is not known: meetings are left out) to its activity stored.");
        ActivitiesStored = _meter.CreateCounter<long>("salesfunctions.score.activities", "{activity}", "Activities stored or changed by the score step.");
        ActivitiesUnchanged = _meter.CreateCounter<long>("salesfunctions.score.unchanged", "{activity}",
            "Score messages whose activity was already stored with the same content (another mailbox's copy, a redelivery).");
        DaysRolledUp = _meter.CreateCounter<long>("salesfunctions.rollup.days", "{day}", "Dirty tenant days a rollup run consumed.");
        RollupCellsWritten = _meter.CreateCounter<long>("salesfunctions.rollup.cells", "{cell}", "KPI cells the rollup wrote.");
        RollupDuration = _meter.CreateHistogram<double>("salesfunctions.rollup.duration", "s", "Duration of one rollup run.");
        CrmEvents = _meter.CreateCounter<long>("salesfunctions.crm.events", "{event}",
            "CRM webhook calls and queued CRM messages, tagged by provider and outcome (accepted, refused, processed, failed).");
        StorageCalls = _meter.CreateCounter<long>("salesfunctions.storage.calls", "{call}",
            "Azure Storage requests, retries included, tagged by service, operation, logical table, queue or container name and status class.");
    }

    public Counter<long> NotificationsAccepted { get; }

    public Counter<long> NotificationsRejected { get; }

    public Histogram<double> AckLatency { get; }

    public Counter<long> GraphRequests { get; }

    public Counter<long> ItemsCaptured { get; }

    public Histogram<double> CaptureLatency { get; }

    public Counter<long> ActivitiesStored { get; }

    /// <summary>Score messages whose activity was already stored with the same content (another mailbox's copy).</summary>
    public Counter<long> ActivitiesUnchanged { get; }

    public Counter<long> DaysRolledUp { get; }

    public Counter<long> RollupCellsWritten { get; }

    public Histogram<double> RollupDuration { get; }

    public Counter<long> CrmEvents { get; }

    /// <summary>Storage requests (each a billed transaction), counted by the Storage adapter's pipeline policy.</summary>
    public Counter<long> StorageCalls { get; }

    /// <summary>Registers the gauge of poison-queue depths, read from the last check whenever metrics are collected.</summary>
    public void ObservePoisonMessages(Func<IEnumerable<Measurement<int>>> observe) =>
        _meter.CreateObservableGauge("salesfunctions.poison.messages", observe, "{message}",
            "Messages in each poison queue at the last check, tagged by the queue they failed in.");

    /// <summary>Registers the gauges of queue depth and of the age of each queue's oldest waiting message, from the last check.</summary>
    public void ObserveQueues(Func<IEnumerable<Measurement<int>>> depths, Func<IEnumerable<Measurement<double>>> ages)
    {
        _meter.CreateObservableGauge("salesfunctions.queue.depth", depths, "{message}", "Messages in each queue at the last check (approximate, as Storage counts).");
        _meter.CreateObservableGauge("salesfunctions.queue.age", ages, "s", "Age of the oldest visible message of each queue at the last check.");
    }

    public void Dispose() => _meter.Dispose();
}
