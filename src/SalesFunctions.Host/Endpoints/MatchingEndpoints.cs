using System.Globalization;
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

        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
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
            return NotConfigured();
        }
    }

    /// <summary>POST admin/tenants/{tenantId}/directory/rematch?from= : the ladder again over stored activities from that day on.</summary>
    public static async Task<IResult> RematchAsync(string tenantId, string? from, AccountRematch rematch, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var day = Day(from, "from", errors);
        if (!KeyText.IsSafeId(tenantId) || errors.Count > 0)
        {
            return Results.ValidationProblem(errors.Count > 0 ? errors : new Dictionary<string, string[]> { ["tenantId"] = ["Not a valid tenant id."] });
        }

        try
        {
            return Results.Ok(await rematch.RunAsync(tenantId, day, cancellationToken));
        }
        catch (TenantNotConfiguredException)
        {
            return NotConfigured();
        }
    }

    private static DateOnly Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [$"{name} is required as yyyy-MM-dd (a tenant-local day)."];
        return default;
    }

    private static IResult NotConfigured() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tenant not configured", detail: "Import the tenant's directory first.");
}
