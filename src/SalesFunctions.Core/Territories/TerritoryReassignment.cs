using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// The explicit "re-territory from day X" command: stored activities from that tenant-local day on are stamped again
/// with the models now stored, and the days whose stamps changed are recomputed. Only this command (and a re-match
/// that moves an activity to another account) rewrites stamps; uploading a model version does not.
/// </summary>
public sealed class TerritoryReassignment(TenantDirectoryCache directories, TerritoryModels models, StoredActivityRewriter rewriter)
{
    public async Task<RewriteReport> RunAsync(string tenantId, DateOnly from, CancellationToken cancellationToken)
    {
        // An admin command reads what was just uploaded, not what a cache held.
        directories.Invalidate(tenantId);
        models.Invalidate(tenantId);
        var directory = await directories.GetAsync(tenantId, cancellationToken);
        var history = await models.GetHistoryAsync(tenantId, cancellationToken);
        return await rewriter.RewriteAsync(tenantId, from, activity => TerritoryStamping.Stamp(directory, history, activity), cancellationToken);
    }
}
