using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Telemetry;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Core.Scoring;

/// <summary>
/// The "score" queue step: match external participants to accounts, stamp the territories in force when it happened,
/// store the activity idempotently, and mark the day dirty for the rollup. Write, mark, then commit the index: a crash
/// anywhere before the commit redelivers the message and it writes and marks again; after the commit, the same content
/// is recognised and skipped.
/// </summary>
public sealed partial class ScoringService(
    TenantDirectoryCache directories,
    TerritoryModels territories,
    IActivityStore activities,
    DirtyDays dirtyDays,
    SalesFunctionsMetrics metrics,
    TimeProvider time,
    ILogger<ScoringService> logger)
{
    /// <returns>The stored activity, or null when the tenant's privacy policy now excludes it.</returns>
    public async Task<Activity?> ScoreAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var span = SalesFunctionsTracing.StartStep("score", activity.TenantId);
        span?.SetTag("salesfunctions.activity.kind", activity.Kind.ToString());
        var directory = await directories.GetAsync(activity.TenantId, cancellationToken);

        // Checked again here: a message queued before a stricter policy was applied must not be stored after its purge.
        if (PrivacyFilter.Apply(directory.Privacy, activity) is not { Activity: { } allowed })
        {
            span.SetOutcome("excluded");
            LogExcluded(logger, activity.ActivityId);
            return null;
        }

        // Checked once more after matching: a number can turn out to be a contact at an excluded domain.
        if (PrivacyFilter.Apply(directory.Privacy, MatchAccounts(directory, allowed)) is not { Activity: { } allowedMatched })
        {
            LogExcluded(logger, activity.ActivityId);
            return null;
        }

        var matched = TerritoryStamping.Stamp(directory, await territories.GetHistoryAsync(activity.TenantId, cancellationToken), allowedMatched);
        var day = directory.LocalDay(matched.OccurredAt);
        var write = await activities.WriteAsync(matched, day, cancellationToken);
        if (!write.Changed)
        {
            span.SetOutcome("unchanged");
            metrics.ActivitiesUnchanged.Add(1);
            return matched;
        }

        var dirty = (write.MovedFrom is { } moved ? new[] { day, moved } : [day]).Concat(CallDedupe.NeighbourDays(directory, matched)).Distinct().ToArray();
        await dirtyDays.MarkAsync(activity.TenantId, dirty, cancellationToken);
        await activities.CommitAsync(matched, day, cancellationToken);

        span.SetOutcome("stored");
        metrics.ActivitiesStored.Add(1);
        if (matched.Kind == ActivityKind.Email && time.GetUtcNow() - matched.OccurredAt is { Ticks: >= 0 } latency)
        {
            metrics.CaptureLatency.Record(latency.TotalSeconds);
        }

        LogScored(logger, matched.ActivityId, matched.Kind);
        return matched;
    }

    public static Activity MatchAccounts(TenantDirectory directory, Activity activity) => activity with
    {
        Participants = activity.Participants
            .Select(p => p.IsInternal ? p with { AccountId = null, MatchedBy = null }
                : p.Phone is { } phone ? MatchPhone(directory, p, phone)
                : AccountMatcher.MatchWithMethod(directory, p.Email) is { } match ? p with { AccountId = match.AccountId, MatchedBy = match.Method }
                : p with { AccountId = null, MatchedBy = null })
            .DistinctBy(p => p.Email, StringComparer.Ordinal)
            .ToList(),
    };

    /// <summary>
    /// A caller with a number becomes the contact with that number (their address, so a person is one contact across
    /// mail and calls). Otherwise a participant the source named by address (a CRM-logged contact) keeps it and goes up
    /// the ladder; one known only by number, or whose address came from an earlier number match, is keyed by the number
    /// again and unmatched, so a number that leaves a contact takes its calls along on a rematch.
    /// </summary>
    private static Participant MatchPhone(TenantDirectory directory, Participant participant, string phone)
    {
        if (directory.ContactByPhone(phone) is { } contact && directory.AccountById(contact.AccountId) is not null)
        {
            return participant with { Email = EmailAddresses.Normalise(contact.Email), AccountId = contact.AccountId, MatchedBy = AccountMatchMethod.Phone };
        }

        return E164Numbers.IsKey(participant.Email) || participant.MatchedBy == AccountMatchMethod.Phone
            ? participant with { Email = E164Numbers.Key(phone), AccountId = null, MatchedBy = null }
            : AccountMatcher.MatchWithMethod(directory, participant.Email) is { } match ? participant with { AccountId = match.AccountId, MatchedBy = match.Method }
            : participant with { AccountId = null, MatchedBy = null };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} is excluded by the privacy policy now in force; not stored")]
    private static partial void LogExcluded(ILogger logger, string activityId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Kind} activity {ActivityId}")]
    private static partial void LogScored(ILogger logger, string activityId, ActivityKind kind);
}
