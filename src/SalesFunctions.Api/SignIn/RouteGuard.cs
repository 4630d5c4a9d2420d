using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Security;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.SignIn;

/// <summary>
/// The one lock on every HTTP function, for both hosts: the bearer token (validated by the JwtBearer handler against
/// the issuer's OpenID metadata), the caller's tenant from the token's mapping, the route's role rule from the function
/// registry, and a tenant in the route or query that must be the caller's. It leaves the caller's scope on the request
/// for the handlers, which narrow what they return to it.
/// </summary>
public sealed partial class RouteGuard : IDisposable
{
    /// <summary>Bodies larger than these are refused with 413 before they are read.</summary>
    public const long IngressBodyLimit = 4 * 1024 * 1024;

    public const long AdminBodyLimit = 16 * 1024 * 1024;

    public const long ReaderBodyLimit = 64 * 1024;

    private readonly IOptions<SignInOptions> _options;
    private readonly TenantDirectoryCache _directories;
    private readonly ILogger<RouteGuard> _logger;
    private readonly PartitionedRateLimiter<string> _perSender;
    private readonly PartitionedRateLimiter<string> _perCaller;
    private readonly PartitionedRateLimiter<string> _perTenant;

    public RouteGuard(IOptions<SignInOptions> options, TenantDirectoryCache directories, ILogger<RouteGuard> logger)
    {
        (_options, _directories, _logger) = (options, directories, logger);
        var limits = options.Value;
        _perSender = PerMinute(limits.IngressRequestsPerMinute);
        _perCaller = PerMinute(limits.RequestsPerMinute);
        _perTenant = PerMinute(limits.TenantRequestsPerMinute);
    }

    public void Dispose()
    {
        _perSender.Dispose();
        _perCaller.Dispose();
        _perTenant.Dispose();
    }

    /// <summary>A fixed one-minute window of <paramref name="permits"/> per key, no queueing.</summary>
    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));

    /// <returns>null when the call may go on; otherwise the problem to answer with.</returns>
    public async Task<IResult?> AuthorizeAsync(HttpContext context, FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(function);
        var access = function.Access ?? throw new InvalidOperationException($"{function.Name} has no access rule in the function registry.");
        SecurityHeaders(context.Response);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = access switch
            {
                RouteAccess.Ingress => IngressBodyLimit,
                RouteAccess.Admin => AdminBodyLimit,
                _ => ReaderBodyLimit,
            };
        }

        if (access is RouteAccess.Ingress or RouteAccess.Probe)
        {
            // Graph, the CRMs and the platform's probes send from their own addresses; one sender cannot starve the others.
            if (TooMany(context, _perSender, context.Connection.RemoteIpAddress?.ToString() ?? string.Empty) is { } tooMany)
            {
                LogRefused(_logger, function.Name, StatusCodes.Status429TooManyRequests, "sender rate limit");
                return tooMany;
            }

            return null;
        }

        var authenticated = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!authenticated.Succeeded)
        {
            LogRefused(_logger, function.Name, StatusCodes.Status401Unauthorized, authenticated.Failure is null ? "no bearer token" : "invalid token");
            context.Response.Headers.WWWAuthenticate = authenticated.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Send an Entra ID access token for this API in the Authorization header (Bearer).");
        }

        var (caller, refusal) = CallerClaims.From(authenticated.Principal!, _options.Value);
        if (caller is null)
        {
            LogRefused(_logger, function.Name, StatusCodes.Status403Forbidden, "no mapped tenant or no role");
            return Forbidden(refusal!);
        }

        context.User = authenticated.Principal!;
        if (access is RouteAccess.Admin or RouteAccess.Operator && caller.Role != CallerRole.Admin
            || access == RouteAccess.Manager && caller.Role == CallerRole.Rep)
        {
            LogRefusedCaller(_logger, function.Name, caller.Subject, caller.TenantId, "role");
            return Forbidden(access == RouteAccess.Manager ? "This route is for the Manager and Admin roles." : "This route is for the Admin role.");
        }

        if (access == RouteAccess.Operator && caller.TenantId != _options.Value.OperatorTenant)
        {
            LogRefusedCaller(_logger, function.Name, caller.Subject, caller.TenantId, "not the operator tenant");
            return Forbidden("This route operates what all tenants share: it is for admins of the operator tenant (Auth:OperatorTenant).");
        }

        var requested = context.Request.RouteValues.TryGetValue("tenantId", out var routeTenant) ? routeTenant as string : context.Request.Query["tenant"].ToString();
        if (!string.IsNullOrEmpty(requested) && !string.Equals(requested, caller.TenantId, StringComparison.Ordinal))
        {
            LogRefusedCaller(_logger, function.Name, caller.Subject, caller.TenantId, "another tenant");
            return Forbidden("The tenant in the request is not the caller's.");
        }

        if ((TooMany(context, _perCaller, $"{caller.TenantId}|{caller.Subject}") ?? TooMany(context, _perTenant, caller.TenantId)) is { } tooManyCalls)
        {
            LogRefusedCaller(_logger, function.Name, caller.Subject, caller.TenantId, "rate limit");
            return tooManyCalls;
        }

        var directory = await TryDirectoryAsync(caller.TenantId, context.RequestAborted);
        context.Items[typeof(CallerScope)] = CallerScope.For(caller, directory);
        return null;
    }

    /// <summary>The headers every answer of the API carries: nothing in it is a page to frame, sniff or cache.</summary>
    private static void SecurityHeaders(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }

    private static IResult? TooMany(HttpContext context, PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: "This caller or tenant sent more requests than the limit allows; retry after the time in Retry-After.");
    }

    private static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    /// <summary>A tenant not configured yet has an empty directory: its admin may still import one.</summary>
    private async Task<TenantDirectory> TryDirectoryAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            return await _directories.GetAsync(tenantId, cancellationToken);
        }
        catch (TenantNotConfiguredException)
        {
            return new TenantDirectory(tenantId, [], "UTC", [], [], []);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Function}: {Status}, {Reason}")]
    private static partial void LogRefused(ILogger logger, string function, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Function} to caller {Subject} of tenant {TenantId}: {Reason}")]
    private static partial void LogRefusedCaller(ILogger logger, string function, string subject, string tenantId, string reason);
}
