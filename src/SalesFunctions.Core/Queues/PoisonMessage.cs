namespace SalesFunctions.Core.Queues;

/// <summary>A poison message described without its body: bodies carry addresses, which never reach logs or admin views.</summary>
public sealed record PoisonMessage(string MessageId, DateTimeOffset? InsertedAt, long DequeueCount, int BodyBytes);
