namespace SalesFunctions.Core.Subscriptions;

public sealed record CreatedSubscription(string Id, DateTimeOffset ExpiresAt);
