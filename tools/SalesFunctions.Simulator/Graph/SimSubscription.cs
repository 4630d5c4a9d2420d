namespace SalesFunctions.Simulator.Graph;

public sealed record SimSubscription(
    string Id,
    string Resource,
    string ChangeType,
    string NotificationUrl,
    string? LifecycleNotificationUrl,
    DateTimeOffset ExpirationDateTime,
    string ClientState)
{
    /// <summary>The mailbox and kind ("messages" or "events") of a resource such as users/{mailbox}/messages.</summary>
    public (string Mailbox, string Kind)? Target
    {
        get
        {
            var parts = Resource.Trim('/').Split('/');
            return parts.Length == 3 && parts[0].Equals("users", StringComparison.OrdinalIgnoreCase)
                ? (Uri.UnescapeDataString(parts[1]).ToLowerInvariant(), parts[2].ToLowerInvariant())
                : null;
        }
    }

    /// <summary>A tenant's Teams call records (communications/callRecords), not a mailbox.</summary>
    public bool IsCallRecords => Resource.Trim('/').Equals("communications/callRecords", StringComparison.OrdinalIgnoreCase);

    public object ToJson() => new
    {
        id = Id,
        resource = Resource,
        changeType = ChangeType,
        notificationUrl = NotificationUrl,
        lifecycleNotificationUrl = LifecycleNotificationUrl,
        expirationDateTime = ExpirationDateTime,
        clientState = (string?)null,
        applicationId = "00000000-0000-0000-0000-000000000000",
        creatorId = "00000000-0000-0000-0000-000000000000",
        latestSupportedTlsVersion = "v1_2",
    };
}
