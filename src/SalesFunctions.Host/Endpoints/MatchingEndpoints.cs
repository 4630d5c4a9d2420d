using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Host.Endpoints;

/// <summary>The matching ladder's admin side (docs/matching.md): what no account claims, and re-matching history after a directory change.</summary>
public static class MatchingEndpoints
{
    /// <summary>GET admin/tenants/{tenantId}/unmatched?from=&amp;to= : external domains without an account, busiest first.</summary>
    public static async Task<IResult> GetUnmatchedAsync(string tenantId, string? from, string? to, UnmatchedExternals unmatched, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!KeyText.IsSafeId(tenantId))
        {
            errors["tenantId"] = ["Not a valid tenant id."];
        }

        var fromDay = TenantProblems.Day(from, "from", errors);
        var toDay = TenantProblems.Day(to, "to", errors);
        if (errors.Count == 0 && (toDay < fromDay || toDay.DayNumber - fromDay.DayNumber >= UnmatchedExternals.MaxDays))
        {
            errors["to"] = [$"to must not be before from, and the range spans at most {UnmatchedExternals.MaxDays} days."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Invalid unmatched query");
        }

        try
        {
            return Results.Ok(new { domains = await unmatched.ListAsync(tenantId, fromDay, toDay, cancellationToken) });
        }
        catch (TenantNotConfiguredException)
        {
            return TenantProblems.NotConfigured();
        }
    }

    /// <summary>POST admin/tenants/{tenantId}/directory/rematch?from= : the ladder again over stored activities from that day on.</summary>
    public static async Task<IResult> RematchAsync(string tenantId, string? from, AccountRematch rematch, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId))
        {
            return TenantProblems.InvalidTenant();
        }

        var errors = new Dictionary<string, string[]>();
        var day = TenantProblems.Day(from, "from", errors);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        try
        {
            return Results.Ok(await rematch.RunAsync(tenantId, day, cancellationToken));
        }
        catch (TenantNotConfiguredException)
        {
            return TenantProblems.NotConfigured();
        }
    }
}
