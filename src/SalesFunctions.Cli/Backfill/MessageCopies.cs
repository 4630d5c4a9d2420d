using System.Security.Cryptography;
using System.Text;

namespace SalesFunctions.Cli.Backfill;

/// <summary>
/// The opt-in second dedupe of a backfill: converted archives keep one message in several folders under different
/// Message-IDs, and those copies agree on sender, date, subject and recipients. The subject enters the key only as a
/// hash, so the key can never carry it into a log.
/// </summary>
internal static class MessageCopies
{
    /// <summary>The messages with every copy after the first (by Message-ID order, so any file order gives the same result) left out.</summary>
    public static List<ExportedMessage> WithoutCopies(IReadOnlyList<ExportedMessage> messages) =>
        messages.OrderBy(m => m.MessageId, StringComparer.Ordinal)
            .DistinctBy(m => Key(m) ?? m.MessageId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Null when sender or date is missing: without them two messages cannot be told to be one.</summary>
    internal static string? Key(ExportedMessage message)
    {
        if (message.From is null || message.Date is not { } date)
        {
            return null;
        }

        var recipients = message.To.Concat(message.Cc).Select(a => a.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal);
        var text = string.Join('\n', [message.From.Trim().ToLowerInvariant(), $"{date.UtcTicks}", (message.Subject ?? string.Empty).Trim(), .. recipients]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
