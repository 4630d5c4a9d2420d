using System.Text;
using SalesFunctions.Core.Csv;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.Endpoints;

/// <summary>A tenant's KPI targets (docs/kpis.md, Targets): quotas, forecasts and spend, uploaded and read back as CSV.</summary>
public static class KpiTargetEndpoints
{
    /// <summary>A year of quarterly and monthly quotas for a thousand reps is about 1 MiB.</summary>
    public const int MaxCsvBytes = 8 * 1024 * 1024;

    /// <summary>PUT admin/tenants/{tenantId}/kpis/targets with a CSV body: replaces the targets in force, marks what changed.</summary>
    public static async Task<IResult> ImportAsync(
        string tenantId, HttpRequest request, ITenantDirectoryStore directories, KpiTargetService targets, CancellationToken cancellationToken)
    {
        if (await TenantProblemAsync(tenantId, directories, cancellationToken) is { } problem)
        {
            return problem;
        }

        var body = await RequestBodies.ReadAsync(request, MaxCsvBytes, cancellationToken);
        if (body is null)
        {
            return RequestBodies.TooLarge(MaxCsvBytes);
        }

        try
        {
            return Results.Ok(await targets.ImportCsvAsync(tenantId, Encoding.UTF8.GetString(body), cancellationToken));
        }
        catch (CsvException e)
        {
            return TenantProblems.InvalidFile("Invalid KPI targets CSV; the targets in force are unchanged", e.Errors, $"line {e.Line}: {e.Reason}");
        }
    }

    /// <summary>GET admin/tenants/{tenantId}/kpis/targets : the targets in force, uploaded or configured, as the CSV the upload takes.</summary>
    public static async Task<IResult> GetAsync(string tenantId, ITenantDirectoryStore directories, KpiSettingsSource settings, CancellationToken cancellationToken)
    {
        if (await TenantProblemAsync(tenantId, directories, cancellationToken) is { } problem)
        {
            return problem;
        }

        return await settings.GetTargetsAsync(tenantId, cancellationToken) is { } inForce
            ? Results.Text(KpiTargetsCsv.Format(inForce), "text/csv", Encoding.UTF8)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No KPI targets",
                detail: "None were uploaded for this tenant and none are configured under Kpis:Tenants.");
    }

    /// <summary>The answers of the directory CSV import: a bad tenant id, or a tenant without a directory.</summary>
    private static async Task<IResult?> TenantProblemAsync(string tenantId, ITenantDirectoryStore directories, CancellationToken cancellationToken) =>
        !KeyText.IsSafeId(tenantId) ? TenantProblems.InvalidTenant()
        : await directories.GetAsync(tenantId, cancellationToken) is null ? TenantProblems.NotConfigured()
        : null;
}
