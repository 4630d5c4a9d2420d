using System.Globalization;
using System.Text;
using SalesFunctions.Api.SignIn;
using SalesFunctions.Core.Qualification;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.Endpoints;

/// <summary>Qualification (docs/qualification.md): the tenant's frameworks configuration, and scores with evidence per account or deal.</summary>
public static class QualificationEndpoints
{
    public const int MaxConfigBytes = 1024 * 1024;

    /// <summary>PUT admin/tenants/{tenantId}/qualification : validated first; an invalid file is refused with every error's line.</summary>
    public static async Task<IResult> SetConfigAsync(string tenantId, HttpRequest request, QualificationService qualification, ITenantDirectoryStore directories, CancellationToken cancellationToken)
    {
        if (!KeyText.IsSafeId(tenantId) || await directories.GetAsync(tenantId, cancellationToken) is null)
        {
            return TenantProblems.NotConfigured();
        }

        var body = await RequestBodies.ReadAsync(request, MaxConfigBytes, cancellationToken);
        if (body is null)
        {
            return RequestBodies.TooLarge(MaxConfigBytes);
        }

        var result = await qualification.SetConfigAsync(tenantId, Encoding.UTF8.GetString(body), cancellationToken);
        if (!result.Succeeded)
        {
            return TenantProblems.InvalidFile("Invalid qualification configuration; the one in force is unchanged", [.. result.Errors.Select(e => (e.Line, e.Message))], result.Errors[0].ToString());
        }

        return Results.Ok(new
        {
            threshold = result.Config.Threshold,
            lookbackDays = result.Config.LookbackDays,
            pipelines = result.Config.Pipelines,
            frameworks = result.Config.Frameworks.Keys.Order(StringComparer.Ordinal).ToList(),
        });
    }

    /// <summary>
    /// GET qualification?tenant=&amp;account= | &amp;connector=&amp;deal= [&amp;pipeline=] [&amp;asOf=] : scores, criteria, evidence,
    /// history; for an admin, a manager whose teams work the account or deal, or a rep who works it.
    /// </summary>
    public static async Task<IResult> GetAsync(
        string? tenant, string? account, string? connector, string? deal, string? pipeline, string? asOf, QualificationService qualification, HttpContext context,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!KeyText.IsSafeId(tenant))
        {
            errors["tenant"] = ["tenant is required: the tenant id."];
        }

        if ((account is null) == (deal is null) || (deal is not null && connector is null))
        {
            errors["account"] = ["Give account=, or connector= and deal=."];
        }

        DateTimeOffset? instant = null;
        if (asOf is not null)
        {
            if (DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) && SupportedDays.Contains(parsed))
            {
                instant = parsed;
            }
            else
            {
                errors["asOf"] = [$"asOf must be an ISO 8601 instant {SupportedDays.Described}."];
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Invalid qualification query");
        }

        try
        {
            var report = account is not null
                ? await qualification.ForAccountAsync(tenant!, account, pipeline, instant, cancellationToken)
                : await qualification.ForDealAsync(tenant!, connector!, deal!, instant, cancellationToken);
            if (report is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: account is not null ? "Unknown account" : "Unknown deal",
                    detail: account is not null ? "No account with that id in the tenant's directory." : "No such deal, or its account is not in the tenant's directory.");
            }

            return context.GetCallerScope().CanReadWorkOf(report.WorkedBy)
                ? Results.Ok(Shape(report))
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your account",
                    detail: "Only an admin, a rep who works this account or deal in the look-back window, or their manager may read its qualification.");
        }
        catch (TenantNotConfiguredException)
        {
            return TenantProblems.NotConfigured();
        }
    }

    private static object Shape(QualificationReport report) => new
    {
        account = report.AccountId,
        deal = report.Deal,
        pipeline = report.Pipeline,
        asOf = report.AsOf,
        threshold = report.Threshold,
        activitiesRead = report.ActivitiesRead,
        frameworks = report.Frameworks.Select(f => new
        {
            framework = f.Score.FrameworkId,
            score = f.Score.Score,
            qualifiedOn = f.History.QualifiedOn,
            history = f.History.Points.Select(p => new { at = p.At, score = p.Score }),
            criteria = f.Score.Criteria.Select(c => new
            {
                id = c.Id,
                name = c.Name,
                weight = c.Weight,
                status = c.Status.ToString().ToLowerInvariant(),
                evidence = c.Evidence.Select(e => new { kind = e.Kind.ToString(), reference = e.Reference, at = e.At, detail = e.Detail }),
            }),
        }),
    };
}
