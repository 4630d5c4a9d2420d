namespace SalesFunctions.Cli.Backfill;

/// <summary>The headers of one exported message that capture needs; bodies are never read.</summary>
/// <param name="Source">Where it was read (file path, or mbox path and index), for error reports only.</param>
internal sealed record ExportedMessage(
    string Source,
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    DateTimeOffset? Date,
    string? From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string? Subject,
    string? Sensitivity,
    bool IsDraft,
    bool IsAutomated)
{
    /// <summary>Entries of From, To and Cc that could not be read as an address; the readable ones are kept.</summary>
    public int UnreadableAddresses { get; init; }

    public IEnumerable<string> Everyone => To.Concat(Cc).Prepend(From ?? string.Empty).Where(a => a.Length > 0);
}
