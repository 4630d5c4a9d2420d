namespace SalesFunctions.Core.Queues;

/// <summary>Queue names shared by both hosts; the poison queue of each is "&lt;name&gt;-poison" as the Functions host names it.</summary>
public static class QueueNames
{
    public const string Capture = "capture";
    public const string Score = "score";
    public const string Lifecycle = "lifecycle";
    public const string Sync = "sync";
    public const string Crm = "crm";
    public const string Rematch = "rematch";
    public const string Rollup = "rollup";

    public const string PoisonSuffix = "-poison";

    public static IReadOnlyList<string> All { get; } = [Capture, Score, Lifecycle, Sync, Crm, Rematch, Rollup];

    public static string PoisonOf(string queueName) => queueName + PoisonSuffix;
}
