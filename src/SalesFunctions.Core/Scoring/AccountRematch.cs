using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Core.Scoring;

/// <summary>
/// Runs the matching ladder again over stored activities after the directory changed (a domain mapped, a contact
/// added). Only activities whose accounts change are rewritten; they are stamped with the territories their new accounts
/// had when the activity happened, since the old stamp described other accounts.
/// </summary>
public sealed class AccountRematch(TenantDirectoryCache directories, TerritoryModels models, StoredActivityRewriter rewriter)
{
    public async Task<RewriteReport> RunAsync(string tenantId, DateOnly from, CancellationToken cancellationToken)
    {
        directories.Invalidate(tenantId);
        var directory = await directories.GetAsync(tenantId, cancellationToken);
        var history = await models.GetHistoryAsync(tenantId, cancellationToken);
        return await rewriter.RewriteAsync(tenantId, from, activity =>
        {
            var matched = ScoringService.MatchAccounts(directory, activity);
            return matched.Participants.SequenceEqual(activity.Participants) ? activity : TerritoryStamping.Stamp(directory, history, matched);
        }, cancellationToken);
    }
}
