using System.Security.Cryptography;
using System.Text;
using SalesFunctions.Core.Privacy;

namespace SalesFunctions.Cli.Backfill;

/// <summary>
/// Gives every exported message a conversation id. Headers first: the thread root is the first References id, or the
/// top of the In-Reply-To chain within the export. Messages without either (many clients and exports drop them) join
/// the latest earlier message with the same normalised subject and the same set of people, at most
/// <see cref="MaxGap"/> before; otherwise they start a thread. The result depends only on the set of messages, not on
/// the order of files, so importing the same export twice gives the same ids.
/// </summary>
internal static class ThreadJoiner
{
    public static readonly TimeSpan MaxGap = TimeSpan.FromDays(30);

    /// <returns>Conversation id per message id, and how many messages were joined by subject and people alone.</returns>
    public static (Dictionary<string, string> Conversations, int JoinedWithoutHeaders) Join(IReadOnlyCollection<ExportedMessage> messages)
    {
        var byId = messages.Where(m => m.MessageId is not null).DistinctBy(m => m.MessageId, StringComparer.Ordinal)
            .ToDictionary(m => m.MessageId!, StringComparer.Ordinal);

        // Messages without thread headers follow the latest earlier message of the same subject and people.
        var joinedTo = new Dictionary<string, string>(StringComparer.Ordinal);
        var ordered = byId.Values.OrderBy(m => m.Date ?? DateTimeOffset.MinValue).ThenBy(m => m.MessageId, StringComparer.Ordinal);
        foreach (var group in ordered.GroupBy(m => (Subject: PrivacyFilter.NormaliseSubject(m.Subject ?? string.Empty), People: PeopleKey(m))))
        {
            ExportedMessage? previous = null;
            foreach (var message in group)
            {
                if (previous is not null && message.References.Count == 0 && message.InReplyTo is null
                    && group.Key.Subject.Length > 0 && message.Date - previous.Date <= MaxGap)
                {
                    joinedTo[message.MessageId!] = previous.MessageId!;
                }

                previous = message;
            }
        }

        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        return (byId.Keys.ToDictionary(id => id, id => ConversationId(Root(id, byId, joinedTo, roots, depth: 0)), StringComparer.Ordinal), joinedTo.Count);
    }

    /// <summary>
    /// The thread root: the first References id, else the parent's root (In-Reply-To), else the root of the message it
    /// was joined to, else itself. Ids outside the export are roots as they are, so that a later import of the rest of
    /// the thread agrees.
    /// </summary>
    private static string Root(string id, Dictionary<string, ExportedMessage> byId, Dictionary<string, string> joinedTo, Dictionary<string, string> roots, int depth)
    {
        if (roots.TryGetValue(id, out var known))
        {
            return known;
        }

        var message = byId[id];
        var next = message.References.Count > 0 ? message.References[0] : message.InReplyTo ?? joinedTo.GetValueOrDefault(id);

        // A cycle or an absurdly deep chain (malformed headers) stops here instead of recursing forever.
        var root = next is null || next == id || depth > 500 ? id
            : byId.ContainsKey(next) ? Root(next, byId, joinedTo, roots, depth + 1)
            : next;
        roots[id] = root;
        return root;
    }

    private static string PeopleKey(ExportedMessage message) =>
        string.Join(',', message.Everyone.Select(a => a.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));

    private static string ConversationId(string rootMessageId) =>
        "bf-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rootMessageId)))[..32];
}
