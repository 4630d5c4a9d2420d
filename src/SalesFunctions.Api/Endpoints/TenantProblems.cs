using System.Globalization;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.Endpoints;

/// <summary>The answers every tenant-scoped route gives alike: a bad tenant id, an unconfigured tenant, a bad day.</summary>
public static class TenantProblems
{
    public static IResult InvalidTenant() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["tenantId"] = ["Not a valid tenant id."] });

    public static IResult NotConfigured() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tenant not configured", detail: "Import the tenant's directory first.");

    /// <summary>
    /// A configuration file (territory model, qualification frameworks) that failed validation: 400 with every error's
    /// line in <c>errors</c>, and a title saying that what is in force stays.
    /// </summary>
    public static IResult InvalidFile(string title, IReadOnlyList<(int Line, string Message)> errors, string first) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: $"{errors.Count} error(s); the first: {first}",
            extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { line = e.Line, message = e.Message }).ToList() });

    /// <summary>A yyyy-MM-dd query value of <see cref="SupportedDays"/>; when missing, malformed or out of range, an error is recorded under <paramref name="name"/>.</summary>
    public static DateOnly Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && SupportedDays.Contains(day))
        {
            return day;
        }

        errors[name] = [$"{name} is required as yyyy-MM-dd (a tenant-local day {SupportedDays.Described})."];
        return default;
    }
}
