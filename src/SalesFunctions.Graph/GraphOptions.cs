using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Graph;

/// <summary>Section "Graph".</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Graph v1.0 root; the simulator's address in the demo and tests.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    public GraphAuthentication Authentication { get; set; } = GraphAuthentication.ClientSecret;

    /// <summary>The multi-tenant app registration; each customer tenant grants it admin consent.</summary>
    public string? ClientId { get; set; }

    /// <summary>A Key Vault reference in Azure; never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Path of a PFX with the app's certificate, preferred over a secret.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Outlook's limit is 4 concurrent requests per app and mailbox.</summary>
    [Range(1, 4)]
    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;
}
