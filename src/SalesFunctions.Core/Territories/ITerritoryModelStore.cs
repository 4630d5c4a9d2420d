namespace SalesFunctions.Core.Territories;

/// <summary>
/// A tenant's territory model versions, each kept as the JSON it was uploaded as, so that a version is re-read with the
/// same line numbers it was validated with. Saving a version with an existing effective date replaces that version.
/// </summary>
public interface ITerritoryModelStore
{
    Task SaveAsync(string tenantId, DateTimeOffset effectiveFrom, string json, CancellationToken cancellationToken);

    /// <summary>Every stored version's JSON, in no particular order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string tenantId, CancellationToken cancellationToken);
}
