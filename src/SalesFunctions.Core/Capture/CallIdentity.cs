namespace SalesFunctions.Core.Capture;

/// <summary>
/// One participant of a Teams call record as metadata: no display name is kept. <see cref="Id"/> is the Entra object
/// id (user, guest) or the number (phone); <see cref="UserPrincipalName"/> and <see cref="TenantId"/> where Graph gives them.
/// </summary>
public sealed record CallIdentity(CallIdentityKind Kind, string? Id, string? UserPrincipalName = null, string? TenantId = null);
