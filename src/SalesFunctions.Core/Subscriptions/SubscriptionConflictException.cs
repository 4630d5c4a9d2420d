namespace SalesFunctions.Core.Subscriptions;

/// <summary>Graph's 409: a subscription for the same resource and change types already exists.</summary>
public sealed class SubscriptionConflictException : Exception
{
    public SubscriptionConflictException()
    {
    }

    public SubscriptionConflictException(string message)
        : base(message)
    {
    }

    public SubscriptionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The id of the existing subscription, when Graph named it.</summary>
    public string? ExistingSubscriptionId { get; init; }
}
