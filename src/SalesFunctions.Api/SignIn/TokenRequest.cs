namespace SalesFunctions.Api.SignIn;

/// <summary>What a development token says; <see cref="Issuer"/> and <see cref="Audience"/> default to the configured ones.</summary>
public sealed record TokenRequest(
    string EntraTenantId, IReadOnlyList<string> Roles, string Subject, string Email, string Name, DateTime NotBefore, DateTime Expires)
{
    public string? Issuer { get; init; }

    public string? Audience { get; init; }
}
