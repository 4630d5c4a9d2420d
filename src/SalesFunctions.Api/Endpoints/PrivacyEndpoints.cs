using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.Endpoints;

/// <summary>
/// The tenant's privacy policy (docs/privacy.md): read it, judge a candidate against stored history without changing
/// anything, or apply one, which purges what it now excludes. Reports carry counts and activity ids only.
/// </summary>
public static class PrivacyEndpoints
{
    public static async Task<IResult> GetAsync(string tenantId, ITenantDirectoryStore directories, CancellationToken cancellationToken) =>
        !KeyText.IsSafeId(tenantId) ? TenantProblems.InvalidTenant()
        : await directories.GetAsync(tenantId, cancellationToken) is { } directory ? Results.Ok(directory.Privacy)
        : TenantProblems.NotConfigured();

    public static Task<IResult> DryRunAsync(string tenantId, PrivacyPolicy policy, PrivacyService privacy, CancellationToken cancellationToken) =>
        RunAsync(tenantId, policy, () => privacy.DryRunAsync(tenantId, policy, cancellationToken));

    public static Task<IResult> SetAsync(string tenantId, PrivacyPolicy policy, PrivacyService privacy, CancellationToken cancellationToken) =>
        RunAsync(tenantId, policy, () => privacy.ApplyAsync(tenantId, policy, cancellationToken));

    private static async Task<IResult> RunAsync(string tenantId, PrivacyPolicy policy, Func<Task<PolicyReport>> run)
    {
        if (!KeyText.IsSafeId(tenantId))
        {
            return TenantProblems.InvalidTenant();
        }

        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["privacy"] = [.. errors] }, title: "Invalid privacy policy; the current one is unchanged");
        }

        try
        {
            return Results.Ok(await run());
        }
        catch (TenantNotConfiguredException)
        {
            return TenantProblems.NotConfigured();
        }
    }
}
