using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// Stamps an activity with the territories of its accounts under the model in force at the moment it happened, and
/// with the reps on it who cover none of them. Ancestors are stamped too, so that a region's KPIs are a plain filter
/// on the stamp and stay as they were when the hierarchy later changes.
/// </summary>
public static class TerritoryStamping
{
    public static Activity Stamp(TenantDirectory directory, TerritoryModelHistory history, Activity activity)
    {
        var model = history.At(activity.OccurredAt);
        var accounts = activity.Externals.Select(p => p.AccountId).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(directory.AccountById).OfType<Account>().ToList();
        if (model is null || accounts.Count == 0)
        {
            return activity with { Territories = [], RepsOutsideTerritory = [] };
        }

        var assignments = accounts.Select(model.Assign).Where(a => a.PrimaryId is not null || a.OverlayIds.Count > 0).ToList();
        var territories = assignments
            .SelectMany(a => (a.PrimaryId is { } primary ? [primary] : Array.Empty<string>()).Concat(a.OverlayIds))
            .SelectMany(id => model.Ancestors(id).Prepend(id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // Nobody can be outside territories that do not exist: an account no rule assigns leaves reps uncounted here.
        var outside = assignments.Count == 0 ? [] : activity.Participants.Where(p => p.IsInternal)
            .Select(p => directory.RepByEmail(p.Email)?.Id).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(rep => assignments.All(a => model.CoverageOf(rep, a) == TerritoryCoverage.None))
            .Order(StringComparer.Ordinal).ToList();
        return activity with { Territories = territories, RepsOutsideTerritory = outside };
    }
}
