namespace SalesFunctions.Simulator.Graph;

/// <param name="Event">reauthorizationRequired, subscriptionRemoved or missed; subscriptionRemoved also removes it here.</param>
public sealed record LifecycleRequest(string SubscriptionId, string Event);
