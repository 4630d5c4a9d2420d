using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// Reply and response spans within email conversations (by conversation id), so that a reply after a period's end
/// still answers an email in it, within <see cref="KpiCatalogue.ReplyWindowDays"/>. Only credited emails take part: a
/// customer writing to a colleague who is no rep is not waiting for a rep. Both windows are bounded so that an email's
/// spans depend only on the emails of its input days (<see cref="KpiCatalogue.InputDays"/>).
/// </summary>
internal static class Conversations
{
    private const long ReplyTicks = KpiCatalogue.ReplyWindowDays * TimeSpan.TicksPerDay;
    private const long HistoryTicks = KpiCatalogue.HistoryWindowDays * TimeSpan.TicksPerDay;

    /// <summary>Per email of <paramref name="emails"/> (meetings get no spans), by position; Day is the tenant-local day number.</summary>
    public static Response[] Responses(IReadOnlyList<(Activity Activity, ActivityCredits.CreditKind Kind, int Day)> emails)
    {
        var responses = new Response[emails.Count];
        Array.Fill(responses, Response.None);

        // Emails grouped by conversation (a counting sort on interned ids), then each group ordered by time.
        var conversations = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[emails.Count];
        var counts = new List<int>();
        for (var i = 0; i < emails.Count; i++)
        {
            var (activity, kind, _) = emails[i];
            ids[i] = -1;
            if (kind != ActivityCredits.CreditKind.Meeting && activity.ConversationId is { } conversation)
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
            MarkFirstInbound(emails, ticks.AsSpan(start..end), positions.AsSpan(start..end), responses);
        }

        return responses;
    }

    /// <summary>The spans of one conversation's emails, at <paramref name="positions"/> in the time order of <paramref name="ticks"/>.</summary>
    private static void Answer(
        IReadOnlyList<(Activity Activity, ActivityCredits.CreditKind Kind, int Day)> emails,
        ReadOnlySpan<long> ticks,
        ReadOnlySpan<int> positions,
        Response[] responses)
    {
        // Walking backwards, remember the earliest rep and customer email strictly after each instant; emails at the
        // same instant do not answer each other, so a group of equal times is settled before it updates them.
        (long At, int Day) nextRep = (-1, 0), nextCustomer = (-1, 0);
        for (var group = ticks.Length; group > 0;)
        {
            var at = ticks[group - 1];
            var first = group - 1;
            while (first > 0 && ticks[first - 1] == at)
            {
                first--;
            }

            var day = emails[positions[first]].Day;
            var (repAfter, customerAfter) = (Within(at, day, nextRep), Within(at, day, nextCustomer));
            for (var k = first; k < group; k++)
            {
                var sent = emails[positions[k]].Kind == ActivityCredits.CreditKind.Sent;
                responses[positions[k]] = sent ? Response.None with { CustomerTicks = customerAfter } : new Response(repAfter, -1, -1, repAfter >= 0);
                (nextRep, nextCustomer) = sent ? ((at, day), nextCustomer) : (nextRep, (at, day));
            }

            group = first;
        }
    }

    /// <summary>
    /// Ticks from an email to the next one, or −1 when there is none or it falls outside the reply window. Besides
    /// 14 × 24 h the next email must fall on one of the 14 local days after: across the start of summer time 14 × 24 h
    /// from 23:30 reaches 00:30 of the 15th day, which the rollup's slice of input days does not hold.
    /// </summary>
    private static long Within(long at, int day, (long At, int Day) next) =>
        next.At >= 0 && next.At - at <= ReplyTicks && next.Day - day <= KpiCatalogue.ReplyWindowDays ? next.At - at : -1;

    /// <summary>
    /// Marks the inbound emails that open the conversation, anew after a year without one, with their first-response
    /// span. Only the latest earlier inbound email decides: the history window looks back from each instant, so a
    /// customer writing again after a long silence is waiting for a first response once more.
    /// </summary>
    private static void MarkFirstInbound(
        IReadOnlyList<(Activity Activity, ActivityCredits.CreditKind Kind, int Day)> emails,
        ReadOnlySpan<long> ticks,
        ReadOnlySpan<int> positions,
        Response[] responses)
    {
        (long At, int Day) previous = (-1, 0);
        for (var first = 0; first < ticks.Length;)
        {
            var (at, day) = (ticks[first], emails[positions[first]].Day);

            // Of several inbound emails at one instant, the one with the lowest activity id.
            var opening = -1;
            var end = first;
            for (; end < ticks.Length && ticks[end] == at; end++)
            {
                if (emails[positions[end]].Kind != ActivityCredits.CreditKind.Sent
                    && (opening < 0 || string.CompareOrdinal(emails[positions[end]].Activity.ActivityId, emails[positions[opening]].Activity.ActivityId) < 0))
                {
                    opening = end;
                }
            }

            if (opening >= 0)
            {
                // The same day rule as for replies: the earlier email must lie on the history window's local days too.
                if (previous.At < 0 || at - previous.At > HistoryTicks || previous.Day < day - KpiCatalogue.HistoryWindowDays)
                {
                    ref var response = ref responses[positions[opening]];
                    response = response with { FirstTicks = response.RepTicks };
                }

                previous = (at, day);
            }

            first = end;
        }
    }

    /// <summary>Spans in ticks (−1: none) and, for inbound emails in a conversation, whether a rep replied in the window.</summary>
    internal readonly record struct Response(long RepTicks, long CustomerTicks, long FirstTicks, bool? Replied)
    {
        public static Response None { get; } = new(-1, -1, -1, null);
    }
}
