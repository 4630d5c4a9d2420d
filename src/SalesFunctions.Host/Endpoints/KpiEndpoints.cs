using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Host.Endpoints;

public static class KpiEndpoints
{
    /// <summary>GET kpis?tenant=&amp;rep=|team=|territory=&amp;from=&amp;to= : a daily series; none of the three gives the tenant total.</summary>
    public static async Task<IResult> GetAsync(
        string? tenant, string? rep, string? team, string? territory, string? from, string? to, KpiQueryService kpis, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!KeyText.IsSafeId(tenant))
        {
            errors["tenant"] = ["tenant is required: the tenant id."];
        }

        if (new[] { rep, team, territory }.Count(v => v is not null) > 1)
        {
            errors["rep"] = ["Give one of rep, team or territory."];
        }

        var (dimension, key) = rep is not null ? (KpiDimension.Rep, rep)
            : team is not null ? (KpiDimension.Team, team)
            : territory is not null ? (KpiDimension.Territory, territory)
            : (KpiDimension.Tenant, KpiDefinitions.TenantTotalKey);
        if (!KeyText.IsSafeId(key))
        {
            errors[dimension.ToString().ToLowerInvariant()] = ["Not a valid id."];
        }

        var fromDay = TenantProblems.Day(from, "from", errors);
        var toDay = TenantProblems.Day(to, "to", errors);
        if (errors.Count == 0 && (toDay < fromDay || toDay.DayNumber - fromDay.DayNumber >= KpiQueryService.MaxDays))
        {
            errors["to"] = [$"to must not be before from, and the range spans at most {KpiQueryService.MaxDays} days."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Invalid KPI query");
        }

        var series = await kpis.GetDailyAsync(tenant!, dimension, key, fromDay, toDay, cancellationToken);
        return Results.Ok(new
        {
            tenant = series.Tenant,
            dimension = series.Dimension.ToString().ToLowerInvariant(),
            key = series.Key,
            grain = series.Grain,
            series = series.Series,
        });
    }
}
