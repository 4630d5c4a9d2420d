using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>Section "Graph:Subscriptions".</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Graph:Subscriptions";

    /// <summary>Public URL of POST /api/graph/notifications as Graph reaches it.</summary>
    [Required]
    public Uri? NotificationUrl { get; set; }

    /// <summary>Public URL of POST /api/graph/lifecycle; optional, but without it missed notifications go unnoticed.</summary>
    public Uri? LifecycleNotificationUrl { get; set; }

    /// <summary>
    /// Requested lifetime. Graph documents both 10,080 and 4,230 minutes as the Outlook maximum (1,440 with resource
    /// data), and requests beyond the maximum fail, so this is configuration with the smaller value as default.
    /// </summary>
    [Range(45, 10080)]
    public int LifetimeMinutes { get; set; } = 4230;

    [Required]
    public string ChangeType { get; set; } = "created,updated,deleted";

    /// <summary>The renewal timer extends subscriptions with less than this left; keep it well above the timer's period.</summary>
    [Range(15, 10080)]
    public int RenewWhenMinutesLeft { get; set; } = 1440;
}
