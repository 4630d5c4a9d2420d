using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Cli.Backfill;

/// <summary>
/// Imports mail exports into the same pipeline as Graph capture: each message's headers become the same metadata
/// Graph gives, go through the same normaliser and privacy policy, and reach the score queue, whose idempotent upsert
/// dedupes them against what Graph captured and against an earlier import of the same export.
/// </summary>
internal sealed class BackfillService(TenantDirectoryCache directories, IQueuePublisher queue, IActivityStore activityStore, CaptureTracer tracer, TimeProvider time)
{
    private const int BatchSize = 64;

    /// <param name="dedupeCopies">Count copies of one message under different Message-IDs once (<see cref="MessageCopies"/>).</param>
    /// <param name="progress">Called with (stage, done, total) as files are read and messages queued.</param>
    public async Task<BackfillSummary> RunAsync(string tenantId, IReadOnlyList<string> paths, bool dedupeCopies, Action<string, int, int> progress, CancellationToken cancellationToken)
    {
        var directory = await directories.GetAsync(tenantId, cancellationToken);

        // Pass 1: headers of every message, so that threads can be joined across files before anything is queued.
        var files = MailExportReader.CountFiles(paths);
        var unreadable = new List<string>();
        var notMessages = new List<string>();
        var emptyPaths = new List<string>();
        var messages = new List<ExportedMessage>();
        var filesSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var before = messages.Count;
            foreach (var message in MailExportReader.Read([path], (source, e) => unreadable.Add($"{source}: {e.GetType().Name}"), notMessages.Add))
            {
                messages.Add(message);
                if (filesSeen.Add(message.Source.Split('#')[0]))
                {
                    progress("read", filesSeen.Count, files);
                }
            }

            if (messages.Count == before)
            {
                emptyPaths.Add(path);
            }
        }

        var withId = messages.Where(m => m.MessageId is not null).ToList();
        var byMessageId = withId.DistinctBy(m => m.MessageId, StringComparer.Ordinal).ToList();

        // Before threads are joined: a copy left in would join its original by subject and people as if it answered it.
        var unique = dedupeCopies ? MessageCopies.WithoutCopies(byMessageId) : byMessageId;
        var (conversations, joined) = ThreadJoiner.Join(unique);

        // Pass 2: normalise and queue in batches; excluded messages are only counted and traced.
        var excluded = new Dictionary<CaptureOutcome, int>();
        var (queued, alreadyStored) = (0, 0);
        for (var start = 0; start < unique.Count; start += BatchSize)
        {
            var batch = unique.Skip(start).Take(BatchSize).Select(m => (Message: m, Normalised: Normalise(directory, m, conversations[m.MessageId!]))).ToList();
            var activities = batch.Select(b => b.Normalised.Activity).OfType<Activity>().ToList();
            if (activities.Count > 0)
            {
                // Already stored ones are queued all the same: the score step rewrites only those whose content changed.
                var days = await Task.WhenAll(activities.Select(a => activityStore.FindDayAsync(tenantId, a.ActivityId, cancellationToken)));
                alreadyStored += days.Count(d => d is not null);
                await queue.SendBatchAsync(QueueNames.Score, activities, cancellationToken);
            }

            foreach (var outcome in batch.Where(b => b.Normalised.Activity is null).Select(b => b.Normalised.Outcome))
            {
                excluded[outcome] = excluded.GetValueOrDefault(outcome) + 1;
            }

            var now = time.GetUtcNow();
            await tracer.RecordAsync(batch.Where(b => b.Normalised.Key is not null)
                .Select(b => new CaptureTrace(tenantId, now, TraceStage.Imported, b.Normalised.Key!, ItemId: null, b.Normalised.Outcome,
                    UnreadableAddresses: b.Message.UnreadableAddresses > 0 ? b.Message.UnreadableAddresses : null)).ToList(), cancellationToken);
            queued += activities.Count;
            progress("queue", Math.Min(start + BatchSize, unique.Count), unique.Count);
        }

        return new BackfillSummary(files, messages.Count, withId.Count - byMessageId.Count, messages.Count - withId.Count, queued, excluded, joined, unreadable)
        {
            UnreadableAddresses = messages.Sum(m => m.UnreadableAddresses),
            AlreadyStored = alreadyStored,
            CopiesUnderOtherIds = dedupeCopies ? byMessageId.Count - unique.Count : null,
            NotMessages = notMessages,
            PathsWithoutMessages = emptyPaths,
        };
    }

    internal static Normalised Normalise(TenantDirectory directory, ExportedMessage message, string conversationId)
    {
        // Graph cannot tell us about list and auto-reply headers; exports can, so they count as automated senders too.
        if (message.IsAutomated && directory.Privacy.ExcludeAutomatedSenders)
        {
            return new Normalised(null, CaptureOutcome.AutomatedSender, ActivityIds.ForEmail(directory.TenantId, message.MessageId!));
        }

        var metadata = new MessageMetadata(
            message.Source,
            message.MessageId,
            conversationId,
            message.From is { } from ? new MailAddress(from) : null,
            message.To.Select(a => new MailAddress(a)).ToList(),
            message.Cc.Select(a => new MailAddress(a)).ToList(),
            message.Date,
            ReceivedAt: null,
            message.IsDraft,
            message.Subject,
            message.Sensitivity);
        return ActivityNormaliser.FromMessage(directory, metadata);
    }
}
