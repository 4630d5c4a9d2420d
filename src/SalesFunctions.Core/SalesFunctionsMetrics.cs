using System.Diagnostics.Metrics;

namespace SalesFunctions.Core;

/// <summary>Counters exported through OpenTelemetry or dotnet-counters under the meter "SalesFunctions".</summary>
public sealed class SalesFunctionsMetrics : IDisposable
{
    public const string MeterName = "SalesFunctions";

    private readonly Meter _meter;

    public SalesFunctionsMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        NotificationsAccepted = _meter.CreateCounter<long>("salesfunctions.graph.notifications.accepted");
        NotificationsRejected = _meter.CreateCounter<long>("salesfunctions.graph.notifications.rejected");
        ItemsCaptured = _meter.CreateCounter<long>("salesfunctions.capture.items");
        ActivitiesStored = _meter.CreateCounter<long>("salesfunctions.score.activities");
        ActivitiesUnchanged = _meter.CreateCounter<long>("salesfunctions.score.unchanged");
        DaysRolledUp = _meter.CreateCounter<long>("salesfunctions.rollup.days");
    }

    public Counter<long> NotificationsAccepted { get; }

    public Counter<long> NotificationsRejected { get; }

    public Counter<long> ItemsCaptured { get; }

    public Counter<long> ActivitiesStored { get; }

    /// <summary>Score messages whose activity was already stored with the same content (another mailbox's copy).</summary>
    public Counter<long> ActivitiesUnchanged { get; }

    public Counter<long> DaysRolledUp { get; }

    /// <summary>Registers the gauge of poison-queue depths, read from the last check whenever metrics are collected.</summary>
    public void ObservePoisonMessages(Func<IEnumerable<Measurement<int>>> observe) =>
        _meter.CreateObservableGauge("salesfunctions.poison.messages", observe, "{message}",
            "Messages in each poison queue at the last check, tagged by the queue they failed in.");

    public void Dispose() => _meter.Dispose();
}
