using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Core.Security;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.SignIn;

/// <summary>
/// The development issuer's OpenID metadata, keys and a token endpoint, under the path of Auth:Instance; mapped only
/// when Auth:DevelopmentIssuer:Enabled (Development, Demo and Testing environments). The token endpoint stands in for
/// Entra's sign-in page: scripts/demo-token.sh and the demo dashboard's user switcher call it.
/// </summary>
public static class DevelopmentIssuerEndpoints
{
    public static void MapDevelopmentIssuer(this IEndpointRouteBuilder app, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.Instance.AbsolutePath;
        app.MapGet($"{root}organizations/v2.0/.well-known/openid-configuration", (DevelopmentIssuer issuer) => Results.Ok(issuer.Metadata()));
        app.MapGet($"{root}common/discovery/v2.0/keys", (DevelopmentIssuer issuer) => Results.Ok(issuer.Keys()));
        app.MapGet($"{root}token", IssueAsync);
    }

    /// <summary>GET token?tenant=&amp;role=admin|manager|rep[&amp;rep=repId][&amp;team=teamId]: a token as that person.</summary>
    private static async Task<IResult> IssueAsync(
        string? tenant, string? role, string? rep, string? team, DevelopmentIssuer issuer, IOptions<SignInOptions> options,
        TenantDirectoryCache directories, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<CallerRole>(role, out var callerRole))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["role is admin, manager or rep."] });
        }

        var entraTenant = options.Value.Tenants.FirstOrDefault(t => t.Value == tenant).Key;
        if (entraTenant is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tenant not mapped", detail: "Auth:Tenants maps no Entra tenant to that tenant.");
        }

        TenantDirectory? directory;
        try
        {
            directory = await directories.GetAsync(tenant!, cancellationToken);
        }
        catch (TenantNotConfiguredException)
        {
            directory = null;
        }

        var person = callerRole switch
        {
            CallerRole.Admin => ("dev-admin", $"revops-admin@{(directory?.InternalDomains is [var domain, ..] ? domain : "salesfunctions.invalid")}", "RevOps Admin"),
            CallerRole.Manager => directory?.Teams.FirstOrDefault(t => t.Id == team) is { Managers: [var manager, ..] } found
                ? ($"dev-manager-{found.Id}", manager, $"Manager of {found.Name}")
                : default,
            _ => directory?.Reps.FirstOrDefault(r => r.Id == rep) is { } found
                ? ($"dev-rep-{found.Id}", found.Email, found.Name)
                : default,
        };
        if (person == default)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such person",
                detail: callerRole == CallerRole.Manager ? "Give team= of a team with a manager in the directory." : "Give rep= of a rep in the directory.");
        }

        var token = issuer.Issue(entraTenant, callerRole, person.Item1, person.Item2, person.Item3);
        return Results.Ok(new { accessToken = token, tokenType = "Bearer", expiresIn = (int)DevelopmentIssuer.Lifetime.TotalSeconds, tenant, role = callerRole.ToString(), name = person.Item3 });
    }
}
