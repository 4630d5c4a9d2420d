namespace SalesFunctions.Core.Scoring;

/// <summary>The "rematch" queue message: run the matching ladder again over the tenant's activities stored from <paramref name="From"/> on.</summary>
public sealed record RematchMessage(string TenantId, DateOnly From)
{
    /// <summary>
    /// When the change that asked for it was made (CRM account and contact changes set it): a whole-history rematch
    /// that started later already saw the change, so this message has nothing left to do.
    /// </summary>
    public DateTimeOffset? RequestedAt { get; init; }
}
