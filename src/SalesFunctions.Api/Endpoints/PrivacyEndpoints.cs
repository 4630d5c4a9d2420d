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

    private const string Unchanged = "Invalid privacy policy; the current one is unchanged";

    /// <summary>A policy is a few lists of domains and addresses; a MiB holds tens of thousands.</summary>
    public const int MaxPolicyBytes = 1024 * 1024;

    public static Task<IResult> DryRunAsync(string tenantId, HttpRequest request, PrivacyService privacy, CancellationToken cancellationToken) =>
        RunAsync(tenantId, request, policy => privacy.DryRunAsync(tenantId, policy, cancellationToken), cancellationToken);

    public static Task<IResult> SetAsync(string tenantId, HttpRequest request, PrivacyService privacy, CancellationToken cancellationToken) =>
        RunAsync(tenantId, request, policy => privacy.ApplyAsync(tenantId, policy, cancellationToken), cancellationToken);

    private static async Task<IResult> RunAsync(string tenantId, HttpRequest request, Func<PrivacyPolicy, Task<PolicyReport>> run, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId))
        {
            return TenantProblems.InvalidTenant();
        }

        var body = await RequestBodies.ReadAsync(request, MaxPolicyBytes, cancellationToken);
        if (body is null)
        {
            return RequestBodies.TooLarge(MaxPolicyBytes);
        }

        if (PrivacyPolicyFile.Read(body, out var unreadable) is not { } policy)
        {
            return TenantProblems.InvalidFile(Unchanged, unreadable, $"line {unreadable[0].Line}: {unreadable[0].Message}");
        }

        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["privacy"] = [.. errors] }, title: Unchanged);
        }

        try
        {
            return Results.Ok(await run(policy));
        }
        catch (TenantNotConfiguredException)
        {
            return TenantProblems.NotConfigured();
        }
    }
}
