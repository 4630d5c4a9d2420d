using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// Reply and response spans within email conversations (by conversation id), over all credited emails given, so that
/// a reply after a period's end still answers an email in it. Only credited emails take part: a customer writing to a
/// colleague who is no rep is not waiting for a rep.
/// </summary>
internal static class Conversations
{
    /// <summary>Per email of <paramref name="emails"/> (meetings get no spans), by position.</summary>
    public static Response[] Responses(IReadOnlyList<(Activity Activity, KpiCalculator.CreditKind Kind)> emails)
    {
        var responses = new Response[emails.Count];
        Array.Fill(responses, Response.None);

        // Emails grouped by conversation (a counting sort on interned ids), then each group ordered by time.
        var conversations = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[emails.Count];
        var counts = new List<int>();
        for (var i = 0; i < emails.Count; i++)
        {
            var (activity, kind) = emails[i];
            ids[i] = -1;
            if (kind != KpiCalculator.CreditKind.Meeting && activity.ConversationId is { } conversation)
            {
                if (!conversations.TryGetValue(conversation, out var id))
                {
                    conversations.Add(conversation, id = conversations.Count);
                    counts.Add(0);
                }

                (ids[i], counts[id]) = (id, counts[id] + 1);
            }
        }

        var starts = new int[counts.Count + 1];
        for (var id = 0; id < counts.Count; id++)
        {
            starts[id + 1] = starts[id] + counts[id];
        }

        var (ticks, positions, next) = (new long[starts[^1]], new int[starts[^1]], starts[..^1]);
        for (var i = 0; i < emails.Count; i++)
        {
            if (ids[i] >= 0)
            {
                var slot = next[ids[i]]++;
                (ticks[slot], positions[slot]) = (emails[i].Activity.OccurredAt.UtcTicks, i);
            }
        }

        for (var id = 0; id < counts.Count; id++)
        {
            var (start, end) = (starts[id], starts[id + 1]);
            ticks.AsSpan(start..end).Sort(positions.AsSpan(start..end));
            Answer(emails, ticks.AsSpan(start..end), positions.AsSpan(start..end), responses);
        }

        return responses;
    }

    /// <summary>The spans of one conversation's emails, at <paramref name="positions"/> in the time order of <paramref name="ticks"/>.</summary>
    private static void Answer(
        IReadOnlyList<(Activity Activity, KpiCalculator.CreditKind Kind)> emails,
        ReadOnlySpan<long> ticks,
        ReadOnlySpan<int> positions,
        Response[] responses)
    {
        // Walking backwards, remember the earliest rep and customer email strictly after each instant; emails at the
        // same instant do not answer each other, so a group of equal times is settled before it updates them.
        long nextRep = -1, nextCustomer = -1;
        for (var group = ticks.Length; group > 0;)
        {
            var at = ticks[group - 1];
            var first = group - 1;
            while (first > 0 && ticks[first - 1] == at)
            {
                first--;
            }

            var (repAfter, customerAfter) = (nextRep < 0 ? -1 : nextRep - at, nextCustomer < 0 ? -1 : nextCustomer - at);
            for (var k = first; k < group; k++)
            {
                var sent = emails[positions[k]].Kind == KpiCalculator.CreditKind.Sent;
                responses[positions[k]] = sent ? Response.None with { CustomerTicks = customerAfter } : new Response(repAfter, -1, -1, repAfter >= 0);
                (nextRep, nextCustomer) = sent ? (at, nextCustomer) : (nextRep, at);
            }

            group = first;
        }

        // The conversation's first customer email; of several at one instant, the one with the lowest activity id.
        var firstInbound = -1;
        for (var k = 0; k < ticks.Length && (firstInbound < 0 || ticks[k] == ticks[firstInbound]); k++)
        {
            if (emails[positions[k]].Kind != KpiCalculator.CreditKind.Sent
                && (firstInbound < 0 || string.CompareOrdinal(emails[positions[k]].Activity.ActivityId, emails[positions[firstInbound]].Activity.ActivityId) < 0))
            {
                firstInbound = k;
            }
        }

        if (firstInbound >= 0)
        {
            ref var response = ref responses[positions[firstInbound]];
            response = response with { FirstTicks = response.RepTicks };
        }
    }

    /// <summary>Spans in ticks (−1: none) and, for inbound emails in a conversation, whether a rep replied.</summary>
    internal readonly record struct Response(long RepTicks, long CustomerTicks, long FirstTicks, bool? Replied)
    {
        public static Response None { get; } = new(-1, -1, -1, null);
    }
}
