using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Host.Dashboard;

/// <summary>
/// How the dashboard (dashboard/, served at /) signs people in, served to it as /dashboard-config.json so that the
/// built bundle holds no setting of any one deployment (docs/adr/0019). Nothing here is secret: a public client's id.
/// </summary>
public sealed class DashboardOptions : IValidatableObject
{
    public const string Section = "Dashboard";

    /// <summary>
    /// Development: the user switcher asks the development issuer for tokens (Development, Demo, Testing only). Msal: Entra
    /// ID sign-in with @azure/msal-browser. Default: Development where the development issuer is on, else Msal.
    /// </summary>
    public DashboardSignIn? SignIn { get; set; }

    /// <summary>The tenant the development switcher signs in to; default the first of Auth:Tenants.</summary>
    public string? Tenant { get; set; }

    /// <summary>The dashboard's own app registration (a single-page application): its client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>Where MSAL signs in: https://login.microsoftonline.com/organizations or one tenant's authority.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The API scope the dashboard asks a token for, e.g. api://salesfunctions/user_impersonation.</summary>
    public string? Scope { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SignIn == DashboardSignIn.Msal && (string.IsNullOrWhiteSpace(ClientId) || Authority is null || string.IsNullOrWhiteSpace(Scope)))
        {
            yield return new ValidationResult("Dashboard:SignIn Msal needs Dashboard:ClientId, Dashboard:Authority and Dashboard:Scope.", [nameof(SignIn)]);
        }

        if (Authority is not null && Authority.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult("Dashboard:Authority must be https.", [nameof(Authority)]);
        }
    }
}
