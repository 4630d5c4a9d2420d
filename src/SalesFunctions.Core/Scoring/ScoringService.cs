using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Scoring;

/// <summary>
/// The "score" queue step: match external participants to accounts, store the activity idempotently, and mark the
/// day dirty for the rollup. Store first, mark second: a crash between the two redelivers the message, and the
/// repeated upsert is a no-op.
/// </summary>
public sealed partial class ScoringService(
    TenantDirectoryCache directories,
    IActivityStore activities,
    IDirtyDayStore dirtyDays,
    SalesFunctionsMetrics metrics,
    ILogger<ScoringService> logger)
{
    public async Task<Activity> ScoreAsync(Activity activity, CancellationToken cancellationToken)
    {
        var directory = await directories.GetAsync(activity.TenantId, cancellationToken);
        var matched = MatchAccounts(directory, activity);
        var day = directory.LocalDay(matched.OccurredAt);
        var previousDay = await activities.UpsertAsync(matched, day, cancellationToken);
        DateOnly[] dirty = previousDay is { } moved && moved != day ? [day, moved] : [day];
        await dirtyDays.MarkAsync(activity.TenantId, dirty, cancellationToken);

        metrics.ActivitiesStored.Add(1);
        LogScored(logger, matched.ActivityId, matched.Kind);
        return matched;
    }

    public static Activity MatchAccounts(TenantDirectory directory, Activity activity) => activity with
    {
        Participants = activity.Participants
            .Select(p => p.IsInternal ? p with { AccountId = null } : p with { AccountId = AccountMatcher.Match(directory, p.Email) })
            .ToList(),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Kind} activity {ActivityId}")]
    private static partial void LogScored(ILogger logger, string activityId, ActivityKind kind);
}
