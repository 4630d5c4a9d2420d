namespace SalesFunctions.Core.Scoring;

/// <summary>The "rematch" queue message: run the matching ladder again over the tenant's activities stored from <paramref name="From"/> on.</summary>
public sealed record RematchMessage(string TenantId, DateOnly From);
