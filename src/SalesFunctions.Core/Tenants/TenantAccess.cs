using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Tenants;

/// <summary>What the tenant lets its callers see beyond their own scope (docs/security.md); the directory import's <c>access</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TenantAccess
{
    public static TenantAccess Default { get; } = new();

    /// <summary>Reps see rep and team leaderboards of the whole tenant; off by default.</summary>
    public bool RepsSeeLeaderboards { get; init; }
}
