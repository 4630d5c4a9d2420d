namespace SalesFunctions.Core.Security;

/// <summary>
/// Who calls, established from a validated credential: the SalesFunctions tenant comes from the credential's mapping
/// (an Entra tenant, or a machine key issued for one tenant), never from the route or query.
/// </summary>
/// <param name="TenantId">The one SalesFunctions tenant this caller may touch.</param>
/// <param name="Role">The caller's highest app role.</param>
/// <param name="Subject">A stable, non-personal id for logs: the Entra object id, or the machine key's id.</param>
/// <param name="Email">The signed-in person's address (preferred_username or upn), which finds them in the directory;
/// none for a machine credential. Never logged.</param>
public sealed record Caller(string TenantId, CallerRole Role, string Subject, string? Email = null);
