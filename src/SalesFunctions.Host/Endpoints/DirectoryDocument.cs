using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Host.Endpoints;

/// <summary>The JSON body of a directory import (docs/contracts.md); the tenant comes from the route.</summary>
public sealed record DirectoryDocument(
    List<string>? InternalDomains,
    string? TimeZone,
    List<Team>? Teams,
    List<Rep>? Reps,
    List<Account>? Accounts,
    List<Contact>? Contacts = null,
    TenantAccess? Access = null)
{
    public TenantDirectory ToDirectory(string tenantId) =>
        new(tenantId, InternalDomains ?? [], TimeZone ?? "UTC", Teams ?? [], Reps ?? [], Accounts ?? [])
        {
            Contacts = Contacts ?? [],
            Access = Access ?? TenantAccess.Default,
        };
}
