using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// Each tenant's effective-dated territory models. Every score message needs them, so compiled histories are cached
/// for a short time, as directories are. A version is stored only after it parsed and validated, so bad configuration
/// never replaces a good one.
/// </summary>
public sealed class TerritoryModels(ITerritoryModelStore store, TimeProvider time)
{
    private static readonly TerritoryModelHistory Empty = new([]);

    private readonly PerTenantCache<TerritoryModelHistory> _cache = new(time);

    /// <summary>Validates <paramref name="json"/> and, when it is a valid model, stores it as a version of the tenant's model.</summary>
    public async Task<TerritoryModelParseResult> AddVersionAsync(string tenantId, string json, string fileName, CancellationToken cancellationToken)
    {
        var parsed = TerritoryModelFile.Parse(json, fileName);
        if (parsed.Succeeded)
        {
            await store.SaveAsync(tenantId, parsed.Model.EffectiveFrom, json, cancellationToken);
            Invalidate(tenantId);
        }

        return parsed;
    }

    public Task<TerritoryModelHistory> GetHistoryAsync(string tenantId, CancellationToken cancellationToken) =>
        _cache.GetAsync(tenantId, () => LoadAsync(tenantId, cancellationToken));

    public void Invalidate(string tenantId) => _cache.Invalidate(tenantId);

    private async Task<TerritoryModelHistory> LoadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var versions = new List<CompiledTerritoryModel>();
        foreach (var json in await store.ListAsync(tenantId, cancellationToken))
        {
            // Stored versions were valid when uploaded; one that no longer parses is an operator problem to surface
            // (the message fails with the reason and lands in the poison queue), not a reason to stamp without it.
            var parsed = TerritoryModelFile.Parse(json, $"stored territory model of tenant {tenantId}");
            versions.Add(parsed.Model ?? throw new InvalidOperationException(
                $"A stored territory model of tenant '{tenantId}' no longer validates: {string.Join("; ", parsed.Errors)}. Upload a corrected version with the same effectiveFrom."));
        }

        return versions.Count == 0 ? Empty : new TerritoryModelHistory(versions);
    }
}
