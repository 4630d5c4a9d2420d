using System.Globalization;
using System.Text;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Api.Endpoints;

/// <summary>
/// A tenant's territory model (docs/territories.md): upload a version (validated first, with file and line in every
/// error; a bad one never replaces what is in force), list versions, explain one account, and re-territory history
/// from a day on.
/// </summary>
public static class TerritoryEndpoints
{
    /// <summary>A 1,000-territory model is about 300 KiB; this leaves room without accepting anything.</summary>
    public const int MaxModelBytes = 4 * 1024 * 1024;

    public static async Task<IResult> SetAsync(string tenantId, HttpRequest request, TerritoryModels models, ITenantDirectoryStore directories, CancellationToken cancellationToken)
    {
        if (await TenantAsync(tenantId, directories, cancellationToken) is (_, { } problem))
        {
            return problem;
        }

        var body = await RequestBodies.ReadAsync(request, MaxModelBytes, cancellationToken);
        if (body is null)
        {
            return RequestBodies.TooLarge(MaxModelBytes);
        }

        var result = await models.AddVersionAsync(tenantId, Encoding.UTF8.GetString(body), "request body", cancellationToken);
        if (!result.Succeeded)
        {
            return TenantProblems.InvalidFile("Invalid territory model; the models in force are unchanged", [.. result.Errors.Select(e => (e.Line, e.Message))], result.Errors[0].ToString());
        }

        return Results.Ok(Summary(result.Model));
    }

    public static async Task<IResult> ListAsync(string tenantId, TerritoryModels models, ITenantDirectoryStore directories, CancellationToken cancellationToken)
    {
        if (await TenantAsync(tenantId, directories, cancellationToken) is (_, { } problem))
        {
            return problem;
        }

        models.Invalidate(tenantId);
        var history = await models.GetHistoryAsync(tenantId, cancellationToken);
        return Results.Ok(new { versions = history.Versions.Select(Summary).ToList() });
    }

    /// <summary>GET ...territories/explain?account=&amp;at= : every rule's verdict for one account under the version in force at <c>at</c> (default now).</summary>
    public static async Task<IResult> ExplainAsync(
        string tenantId, string? account, string? at, TerritoryModels models, ITenantDirectoryStore directories, TimeProvider time, CancellationToken cancellationToken)
    {
        var (directory, problem) = await TenantAsync(tenantId, directories, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var instant = time.GetUtcNow();
        if (at is not null && (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant) || !SupportedDays.Contains(instant)))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["at"] = [$"at must be an ISO 8601 instant {SupportedDays.Described}."] });
        }

        if (account is null || directory!.AccountById(account) is not { } found)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account", detail: "Give ?account= with an account id of the tenant's directory.");
        }

        if ((await models.GetHistoryAsync(tenantId, cancellationToken)).At(instant) is not { } model)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No territory model in force", detail: $"No version takes effect at or before {instant:O}.");
        }

        var explanation = model.Explain(found);
        return Results.Ok(new
        {
            account = found.Id,
            at = instant,
            modelEffectiveFrom = model.EffectiveFrom,
            primary = explanation.Assignment.PrimaryId,
            overlays = explanation.Assignment.OverlayIds,
            tieBreak = explanation.TieBreak,
            rules = explanation.Rules.Select(r => new
            {
                territory = r.TerritoryId,
                rule = r.RuleIndex,
                kind = r.Kind.ToString().ToLowerInvariant(),
                priority = r.Priority,
                specificity = r.Specificity,
                matched = r.Matched,
                reasons = r.Reasons,
            }).ToList(),
        });
    }

    /// <summary>POST ...territories/reassign?from=yyyy-MM-dd : the only way stamps on stored activities change.</summary>
    public static async Task<IResult> ReassignAsync(string tenantId, string? from, TerritoryReassignment reassignment, ITenantDirectoryStore directories, CancellationToken cancellationToken)
    {
        if (await TenantAsync(tenantId, directories, cancellationToken) is (_, { } problem))
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var day = TenantProblems.Day(from, "from", errors);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        return Results.Ok(await reassignment.RunAsync(tenantId, day, cancellationToken));
    }

    private static object Summary(CompiledTerritoryModel model) => new
    {
        effectiveFrom = model.EffectiveFrom,
        territories = model.Model.Territories.Count,
        rules = model.Model.Territories.Sum(t => t.Rules.Count),
    };

    /// <summary>The tenant's directory, or the problem to answer when the id is bad or the tenant is not configured.</summary>
    private static async Task<(TenantDirectory? Directory, IResult? Problem)> TenantAsync(string tenantId, ITenantDirectoryStore directories, CancellationToken cancellationToken) =>
        !KeyText.IsSafeId(tenantId) ? (null, TenantProblems.InvalidTenant())
        : await directories.GetAsync(tenantId, cancellationToken) is { } directory ? (directory, null)
        : (null, TenantProblems.NotConfigured());
}
