using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Telemetry;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// The "crm" queue step: read the stored payload, apply each change to its record (newer fields win, see
/// <see cref="CrmRecord"/>), mark dirty the days whose performance facts changed, then save the record and note the
/// event id. The order (mark, save, note) means a crash at any point is repaired by the redelivery, and a replayed
/// or duplicate event changes nothing. An account or contact change that moves where addresses match queues a delayed
/// rematch of the stored history once it is saved; a redelivery after a crash in between queues it then.
/// </summary>
public sealed partial class CrmEventProcessor(
    IOptionsMonitor<CrmOptions> options,
    ICrmPayloadStore payloads,
    ICrmStore records,
    DirtyDays dirtyDays,
    ITenantDirectoryStore directories,
    IQueuePublisher queue,
    TimeProvider time,
    SalesFunctionsMetrics metrics,
    ILogger<CrmEventProcessor> logger)
{
    private const int MaxConflicts = 10;

    public async Task ProcessAsync(CrmMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var span = SalesFunctionsTracing.StartStep("crm", message.TenantId);
        span?.SetTag("salesfunctions.crm.provider", message.Provider.ToString().ToLowerInvariant());
        var provider = new KeyValuePair<string, object?>("provider", message.Provider.ToString().ToLowerInvariant());
        try
        {
            await ProcessCoreAsync(message, cancellationToken);
            span.SetOutcome("processed");
            metrics.CrmEvents.Add(1, provider, new KeyValuePair<string, object?>("outcome", "processed"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            span.SetFailed(e);
            metrics.CrmEvents.Add(1, provider, new KeyValuePair<string, object?>("outcome", "failed"));
            throw;
        }
    }

    private async Task ProcessCoreAsync(CrmMessage message, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Connectors.TryGetValue(message.ConnectorId, out var connector) || connector.TenantId != message.TenantId)
        {
            throw new InvalidOperationException($"Connector '{message.ConnectorId}' of tenant '{message.TenantId}' is no longer configured; restore it, then replay the poison queue.");
        }

        var directory = await directories.GetAsync(message.TenantId, cancellationToken) ?? throw new TenantNotConfiguredException(message.TenantId);
        var body = await payloads.ReadAsync(message.PayloadName, cancellationToken);
        var headers = message.Trimmed
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [DynamicsPayload.SizeExceededHeader] = "true" }
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var payload = CrmPayload.Parse(connector, body, headers, message.ReceivedAt);
        foreach (var warning in payload.Warnings)
        {
            await records.WarnAsync(new CrmConnectorWarning(message.TenantId, message.ConnectorId, warning, message.ReceivedAt), cancellationToken);
        }

        int applied = 0, unchanged = 0, duplicates = 0;
        foreach (var change in payload.Changes)
        {
            if (await records.IsProcessedAsync(message.TenantId, message.ConnectorId, change.EventId, cancellationToken))
            {
                duplicates++;
                continue;
            }

            if (await ApplyAsync(directory, message.ConnectorId, change, cancellationToken))
            {
                applied++;
            }
            else
            {
                unchanged++;
            }

            await records.MarkProcessedAsync(message.TenantId, message.ConnectorId, change.EventId, cancellationToken);
        }

        if (message.Trimmed)
        {
            LogTrimmed(logger, message.ConnectorId);
        }

        LogProcessed(logger, message.Provider, applied, unchanged, duplicates);
    }

    private async Task<bool> ApplyAsync(TenantDirectory directory, string connectorId, CrmChange change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await records.GetAsync(directory.TenantId, change.Kind, connectorId, change.ExternalId, cancellationToken);
            var before = stored?.Record ?? new CrmRecord(directory.TenantId, connectorId, change.Kind, change.ExternalId);
            var after = before.Clone();
            if (!after.Apply(change))
            {
                // A redelivery after a crash between the save and the score message: queue it again (scoring is idempotent).
                await QueueCallAsync(directory, before, cancellationToken);

                // Already reflected. When this very event set a matching field (an earlier delivery saved it and stopped
                // before its rematch was queued: the event is not marked processed, or we would not be here), queue it now.
                if (SetMatchingField(change, before))
                {
                    await QueueRematchAsync(directory.TenantId, cancellationToken);
                }

                return false;
            }

            var days = ChangedDays(directory, before, after);
            if (days.Count > 0)
            {
                await dirtyDays.MarkAsync(directory.TenantId, days, cancellationToken);
            }

            if (await records.SaveAsync(after, stored?.ETag, cancellationToken))
            {
                await QueueCallAsync(directory, after, cancellationToken);

                // After the save: the rematch compares its start with this request time, so the record must be
                // readable by then (AccountRematch).
                if (MatchingChanged(before, after))
                {
                    await QueueRematchAsync(directory.TenantId, cancellationToken);
                }

                return true;
            }

            if (attempt == MaxConflicts)
            {
                throw new InvalidOperationException($"CRM record {change.Kind} changed concurrently {MaxConflicts} times; the message will be retried.");
            }
        }
    }

    /// <summary>A logged call goes to scoring as a call activity, like captured calls (docs/calls.md).</summary>
    private async Task QueueCallAsync(TenantDirectory directory, CrmRecord record, CancellationToken cancellationToken)
    {
        if (record.Kind != CrmEntityKind.Call)
        {
            return;
        }

        var contact = record[CrmFields.ContactId] is { } contactId
            ? (await records.GetAsync(directory.TenantId, CrmEntityKind.Contact, record.ConnectorId, contactId, cancellationToken))?.Record
            : null;
        if (CrmCallActivity.From(directory, options.CurrentValue, record, contact) is { } call)
        {
            await queue.SendAsync(QueueNames.Score, call, cancellationToken);
        }
    }

    private async Task QueueRematchAsync(string tenantId, CancellationToken cancellationToken) =>
        await queue.SendLaterAsync(QueueNames.Rematch, new RematchMessage(tenantId, DateOnly.MinValue) { RequestedAt = time.GetUtcNow() },
            TimeSpan.FromSeconds(options.CurrentValue.RematchDelaySeconds), cancellationToken);

    /// <summary>The record fields the KPI catalogue reads beyond the dated facts (docs/kpis.md).</summary>
    private static readonly string[] KpiFields =
    [
        CrmFields.Status, CrmFields.AccountId, CrmFields.Source, CrmFields.Pipeline, CrmFields.CloseDate,
        CrmFields.FirstContactResolution, CrmFields.HandleMinutes, CrmFields.Csat,
    ];

    private static bool SetMatchingField(CrmChange change, CrmRecord record) =>
        change.Fields.Any(f => CrmDirectory.AffectsMatching(change.Kind, f.Key)
            && record.Fields.TryGetValue(f.Key, out var held) && held.Version == change.Version && held.Value == f.Value);

    private static bool MatchingChanged(CrmRecord before, CrmRecord after) =>
        after.Fields.Keys.Where(f => CrmDirectory.AffectsMatching(after.Kind, f)).Any(f => before[f] != after[f]);

    /// <summary>
    /// The tenant days whose KPI cells the change puts in question. Where the facts differ, their days (an amount change
    /// marks the close day). Where a field the catalogue reads besides the facts changed (the current status decides the
    /// close rate of the creation period, the source the marketing share, CSAT the resolution period), every day the
    /// record has a fact or an expected close on, before and after.
    /// </summary>
    internal static IReadOnlyCollection<DateOnly> ChangedDays(TenantDirectory directory, CrmRecord before, CrmRecord after)
    {
        var (factsBefore, factsAfter) = (CrmFact.Of(before), CrmFact.Of(after));
        var days = factsBefore.Except(factsAfter).Concat(factsAfter.Except(factsBefore)).Select(f => directory.LocalDay(f.At)).ToHashSet();
        if (KpiFields.Any(f => before[f] != after[f]) || before.IsDeleted != after.IsDeleted)
        {
            days.UnionWith(factsBefore.Concat(factsAfter).Select(f => directory.LocalDay(f.At)));
            foreach (var record in new[] { before, after })
            {
                if (CrmValues.ReadInstant(record[CrmFields.CloseDate]) is { } due)
                {
                    days.Add(directory.LocalDay(due));
                }
            }
        }

        return days;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM events ({Provider}): {Applied} applied, {Unchanged} already reflected, {Duplicates} duplicate event ids")]
    private static partial void LogProcessed(ILogger logger, CrmProvider provider, int applied, int unchanged, int duplicates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dataverse trimmed a webhook of connector {ConnectorId} over 256 KB: only the record's existence and deletion are known; register a smaller post-image")]
    private static partial void LogTrimmed(ILogger logger, string connectorId);
}
