namespace SalesFunctions.Core.Qualification;

/// <summary>A tenant's qualification configuration, kept as the JSON it was uploaded as (re-read with the same line numbers).</summary>
public interface IQualificationConfigStore
{
    Task SaveAsync(string tenantId, string json, CancellationToken cancellationToken);

    /// <summary>The stored JSON, or null when the tenant has uploaded none (the built-in frameworks apply).</summary>
    Task<string?> GetAsync(string tenantId, CancellationToken cancellationToken);
}
