namespace SalesFunctions.Api.SignIn;

public sealed class DevelopmentIssuerOptions
{
    /// <summary>Serve the development issuer; refused at start outside the Development, Demo and Testing environments.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Where the signing key lives: created at first start, outside the repository, readable by the owner only. By
    /// default ~/.salesfunctions/development-issuer-key.pem.
    /// </summary>
    public string? KeyPath { get; set; }
}
