namespace SalesFunctions.Core.Sync;

/// <summary>A delta request failed; the adapter classifies it so that the service can pick the transition.</summary>
public sealed class SyncException : Exception
{
    public SyncException()
    {
    }

    public SyncException(string message)
        : base(message)
    {
    }

    public SyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SyncException(SyncFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public SyncFailureKind Kind { get; } = SyncFailureKind.Unknown;
}
