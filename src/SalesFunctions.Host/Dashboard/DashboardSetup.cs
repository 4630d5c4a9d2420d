using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using SalesFunctions.Api.SignIn;

namespace SalesFunctions.Host.Dashboard;

/// <summary>
/// Serves the built dashboard (dashboard/dist, copied to wwwroot next to the Host) at / and its sign-in settings at
/// /dashboard-config.json. The dashboard calls only the API, with bearer tokens, like any other client.
/// </summary>
public static class DashboardSetup
{
    public const string ConfigPath = "/dashboard-config.json";

    public static IServiceCollection AddDashboard(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.SignIn != DashboardSignIn.Development || SignInSetup.DevelopmentEnvironments.Contains(environment.EnvironmentName),
                "Dashboard:SignIn Development is allowed only where the development issuer may run.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Maps / to the bundle when the Host was built with one (scripts/dashboard.sh), and the config either way.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var signIn = app.Services.GetRequiredService<IOptions<SignInOptions>>().Value;
        var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        var mode = options.SignIn ?? (signIn.DevelopmentIssuer.Enabled ? DashboardSignIn.Development : DashboardSignIn.Msal);
        var policy = ContentSecurityPolicy(options.Authority);
        app.MapGet(ConfigPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return mode == DashboardSignIn.Development
                ? Results.Ok(new { signIn = "development", tokenUrl = $"{signIn.Instance.AbsolutePath}token", tenant = options.Tenant ?? signIn.Tenants.Values.FirstOrDefault() })
                : Results.Ok(new { signIn = "msal", clientId = options.ClientId, authority = options.Authority, scope = options.Scope });
        });

        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                // Hashed asset names change with their content; index.html must always be asked for again.
                headers.CacheControl = context.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable";
            },
        });
        return app;
    }

    /// <summary>Scripts and styles of the bundle only; MSAL talks to the Entra authority's origin and frames it for silent renewal.</summary>
    private static string ContentSecurityPolicy(Uri? authority)
    {
        var entra = authority is null ? string.Empty : " " + authority.GetLeftPart(UriPartial.Authority);
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'{entra}; frame-src 'self'{entra}; "
            + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
