using SalesFunctions.Api.SignIn;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.Endpoints;

/// <summary>Who the signed-in caller is to SalesFunctions: what a front end needs to show them only what they may open.</summary>
public static class CallerEndpoints
{
    /// <summary>
    /// GET me : the caller's tenant, role and time zone, their own rep id when they are a rep, and the teams and reps
    /// (id and name) their scope reads. Only the caller's own address, never anyone else's.
    /// </summary>
    public static async Task<IResult> GetAsync(HttpContext context, TenantDirectoryCache directories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.GetCallerScope();
        var caller = scope.Caller;
        TenantDirectory? directory;
        try
        {
            directory = await directories.GetAsync(caller.TenantId, cancellationToken);
        }
        catch (TenantNotConfiguredException)
        {
            directory = null;
        }

        var self = caller.Email is { } email ? directory?.RepByEmail(email) : null;
        return Results.Ok(new
        {
            tenant = caller.TenantId,
            role = caller.Role.ToString().ToLowerInvariant(),
            name = context.User.FindFirst("name")?.Value,
            email = caller.Email,
            rep = caller.Role == Core.Security.CallerRole.Rep ? self?.Id : null,
            timeZone = directory?.TimeZone ?? "UTC",
            repsSeeLeaderboards = directory?.Access.RepsSeeLeaderboards ?? false,
            teams = (directory?.Teams ?? []).Where(t => scope.Teams.Contains(t.Id)).Select(t => new { id = t.Id, name = t.Name }).ToList(),
            reps = (directory?.Reps ?? []).Where(r => scope.Reps.Contains(r.Id)).Select(r => new { id = r.Id, name = r.Name, team = r.TeamId }).ToList(),
        });
    }
}
