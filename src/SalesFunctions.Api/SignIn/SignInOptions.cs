using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Api.SignIn;

/// <summary>
/// Who may call the API (docs/security.md): Entra ID bearer tokens of the API's app registration, accepted only from
/// the Entra tenants mapped here, each to one SalesFunctions tenant.
/// </summary>
public sealed class SignInOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>The identity provider's base URL; the issuer of a token is {Instance}{tid}/v2.0, as Entra ID's v2 tokens.</summary>
    [Required]
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>The API's application ID URI or client id: the aud claim every token must carry.</summary>
    [Required(ErrorMessage = "Auth:Audience is required: the API app registration's application ID URI or client id.")]
    public string? Audience { get; set; }

    /// <summary>Entra tenant id (the tid claim) to SalesFunctions tenant id. A token of any other Entra tenant is refused.</summary>
    public Dictionary<string, string> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The SalesFunctions tenant of the organisation that runs this deployment: its admins also operate what all tenants
    /// share (the poison queues). None: nobody may.
    /// </summary>
    public string? OperatorTenant { get; set; }

    /// <summary>The development issuer (Development and Demo environments only): the Host signs tokens itself.</summary>
    public DevelopmentIssuerOptions DevelopmentIssuer { get; set; } = new();

    /// <summary>API requests per minute of one signed-in caller; past it, 429 with Retry-After.</summary>
    [Range(1, 10_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>API requests per minute of all callers of one tenant together.</summary>
    [Range(1, 10_000_000)]
    public int TenantRequestsPerMinute { get; set; } = 3000;

    /// <summary>Requests per minute on the Graph and CRM ingress per sending address.</summary>
    [Range(1, 10_000_000)]
    public int IngressRequestsPerMinute { get; set; } = 6000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Instance.Scheme != Uri.UriSchemeHttps && !Instance.IsLoopback)
        {
            yield return new ValidationResult("Auth:Instance must be https (http only on loopback, for the development issuer).", [nameof(Instance)]);
        }

        foreach (var (entraTenant, tenant) in Tenants)
        {
            if (!Guid.TryParse(entraTenant, out _) && !DevelopmentIssuer.Enabled)
            {
                yield return new ValidationResult($"Auth:Tenants: '{entraTenant}' is not an Entra tenant id (a GUID).", [nameof(Tenants)]);
            }

            if (!Core.Tenants.KeyText.IsSafeId(tenant))
            {
                yield return new ValidationResult("Auth:Tenants: a SalesFunctions tenant id is not valid.", [nameof(Tenants)]);
            }
        }
    }
}
