namespace SalesFunctions.Api.Functions;

/// <summary>
/// The app settings that hold each timer function's NCRONTAB schedule: the Functions app reads them as
/// <c>%Setting%</c> in its attributes, the Host through the registry.
/// </summary>
public static class ScheduleSettings
{
    public const string SubscriptionRenewal = "SubscriptionRenewalSchedule";

    public const string DeltaSweep = "DeltaSweepSchedule";

    public const string KpiRollup = "KpiRollupSchedule";

    public const string TraceRetention = "TraceRetentionSchedule";

    public const string PoisonMonitor = "PoisonMonitorSchedule";

    public const string PstnSweep = "PstnSweepSchedule";
}
