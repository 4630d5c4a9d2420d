using System.Diagnostics;

namespace SalesFunctions.Core.Telemetry;

/// <summary>
/// The spans of the pipeline under the activity source "SalesFunctions" (System.Diagnostics, so Core needs no
/// OpenTelemetry package; the hosts subscribe and export). A span names its step, tenant and outcome, and nothing else
/// about the item: never an address, subject, item id, token or secret (docs/operations.md, ADR 0020).
/// </summary>
public static class SalesFunctionsTracing
{
    public const string SourceName = "SalesFunctions";

    public const string StepTag = "salesfunctions.step";

    public const string TenantTag = "salesfunctions.tenant";

    public const string OutcomeTag = "salesfunctions.outcome";

    public const string QueueTag = "messaging.destination.name";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>A span of one step as a child of the current one; null when nobody listens (no exporter).</summary>
    public static Activity? StartStep(string step, string? tenantId) =>
        Source.StartActivity(step, ActivityKind.Internal)?.SetTag(StepTag, step).SetTag(TenantTag, tenantId);

    /// <summary>
    /// A span of a step that consumes the work of many traces (the rollup): a child of the current span, linked to up to
    /// <paramref name="max"/> distinct traces of the W3C trace contexts given; unparsable ones are left out.
    /// </summary>
    public static Activity? StartLinked(string step, IEnumerable<string> traceParents, int max)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        List<ActivityLink> links =
        [
            .. traceParents.Select(p => ActivityContext.TryParse(p, null, isRemote: true, out var context) ? context : default)
                .Where(c => c != default).DistinctBy(c => c.TraceId).Take(max).Select(c => new ActivityLink(c)),
        ];
        return Source.StartActivity(step, ActivityKind.Internal, default(ActivityContext), [new(StepTag, step)], links);
    }

    /// <summary>Records how the step ended; an exception's type, never its message (messages can hold addresses).</summary>
    public static void SetOutcome(this Activity? activity, string outcome)
    {
        activity?.SetTag(OutcomeTag, outcome);
    }

    public static void SetFailed(this Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetTag(OutcomeTag, "failed").SetTag("error.type", exception.GetType().Name).SetStatus(ActivityStatusCode.Error);
    }
}
