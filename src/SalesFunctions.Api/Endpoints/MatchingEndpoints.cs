using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.Endpoints;

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

    /// <summary>
    /// GET admin/tenants/{tenantId}/activities/explain?activityId= | messageId= | iCalUId= : why one stored activity
    /// counts for the accounts and territories it counts for, and whether a rematch or re-territory would change that.
    /// </summary>
    public static async Task<IResult> ExplainActivityAsync(
        string tenantId, string? activityId, string? messageId, string? iCalUId, ActivityExplainer explainer, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId))
        {
            return TenantProblems.InvalidTenant();
        }

        var id = activityId ?? (messageId is not null ? Core.Activities.ActivityIds.ForEmail(tenantId, messageId)
            : iCalUId is not null ? Core.Activities.ActivityIds.ForMeeting(tenantId, iCalUId) : null);
        if (id is null || !KeyText.IsSafeId(id) || new[] { activityId, messageId, iCalUId }.Count(v => v is not null) != 1)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["activityId"] = ["Give exactly one of activityId, messageId (internet message id) or iCalUId."] });
        }

        try
        {
            return await explainer.ExplainAsync(tenantId, id, cancellationToken) is { } explanation
                ? Results.Ok(explanation)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such activity",
                    detail: "No stored activity has that id. GET .../traces?messageId= says what happened to a message.");
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

    /// <summary>
    /// PUT admin/tenants/{tenantId}/directory/accounts/{accountId}/domains/{domain} : maps an unmatched domain to an
    /// account; stored history is rematched in the background, as after a directory import.
    /// </summary>
    public static async Task<IResult> MapDomainAsync(string tenantId, string accountId, string domain, TenantDirectoryService directories, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId))
        {
            return TenantProblems.InvalidTenant();
        }

        if (Uri.CheckHostName(domain) != UriHostNameType.Dns || !domain.Contains('.', StringComparison.Ordinal))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["domain"] = ["Not an email domain, e.g. contoso.example."] });
        }

        try
        {
            var errors = await directories.AddAccountDomainAsync(tenantId, accountId, domain, cancellationToken);
            return errors switch
            {
                null => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account", detail: "No account with that id in the tenant's directory."),
                [] => Results.Ok(new { account = accountId, domain = domain.ToLowerInvariant(), rematch = "queued" }),
                _ => Results.ValidationProblem(new Dictionary<string, string[]> { ["directory"] = [.. errors] }, title: "Domain not mapped; the directory is unchanged"),
            };
        }
        catch (TenantNotConfiguredException)
        {
            return TenantProblems.NotConfigured();
        }
    }
}
