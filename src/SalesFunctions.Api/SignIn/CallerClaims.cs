using System.Security.Claims;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Api.SignIn;

/// <summary>The claims of an Entra ID v2 access token that say who calls, and the <see cref="Caller"/> they make.</summary>
public static class CallerClaims
{
    public const string TenantClaim = "tid";
    public const string ObjectIdClaim = "oid";
    public const string RolesClaim = "roles";
    public const string UsernameClaim = "preferred_username";
    private const string UpnClaim = "upn";

    /// <summary>
    /// The caller of a validated token, or why there is none: its Entra tenant is not mapped to a SalesFunctions tenant,
    /// or it carries none of the app roles.
    /// </summary>
    public static (Caller? Caller, string? Refusal) From(ClaimsPrincipal user, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        if (user.FindFirst(TenantClaim)?.Value is not { } entraTenant || !options.Tenants.TryGetValue(entraTenant, out var tenant))
        {
            return (null, "The token's Entra tenant is not mapped to a SalesFunctions tenant.");
        }

        // The app roles' values exactly as the registration defines them (never Enum.TryParse, which takes "2" for Admin).
        var roles = Enum.GetValues<CallerRole>().Where(role => user.HasClaim(RolesClaim, role.ToString())).ToList();
        if (roles.Count == 0)
        {
            return (null, "The token carries none of the app roles Admin, Manager or Rep.");
        }

        var subject = user.FindFirst(ObjectIdClaim)?.Value ?? user.FindFirst("sub")?.Value ?? "unknown";
        var email = user.FindFirst(UsernameClaim)?.Value ?? user.FindFirst(UpnClaim)?.Value;
        return (new Caller(tenant, roles.Max(), subject, email), null);
    }
}
