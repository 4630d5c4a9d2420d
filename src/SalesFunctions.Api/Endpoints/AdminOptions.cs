namespace SalesFunctions.Api.Endpoints;

/// <summary>Section "Admin". Without an API key the admin endpoints answer 401 to everyone.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Shared key expected in the x-admin-key header; a Key Vault reference in Azure, never logged.</summary>
    public string? ApiKey { get; set; }
}
