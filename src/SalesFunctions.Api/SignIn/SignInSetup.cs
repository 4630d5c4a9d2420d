using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Api.SignIn;

/// <summary>Sign-in for both hosts: the JwtBearer handler configured for Entra ID (or the development issuer) and the route guard.</summary>
public static class SignInSetup
{
    /// <summary>The environments in which the development issuer may be switched on.</summary>
    public static readonly IReadOnlySet<string> DevelopmentEnvironments = new HashSet<string>(["Development", "Demo", "Testing"], StringComparer.OrdinalIgnoreCase);

    public static IServiceCollection AddSalesFunctionsSignIn(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.DevelopmentIssuer.Enabled || DevelopmentEnvironments.Contains(environment.EnvironmentName),
                $"Auth:DevelopmentIssuer:Enabled is allowed only in the {string.Join(", ", DevelopmentEnvironments)} environments.")
            .ValidateOnStart();
        services.AddSingleton<RouteGuard>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddSingleton<DevelopmentIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<SignInOptions>>((jwt, signIn) => Configure(jwt, signIn.Value));
        return services;
    }

    /// <summary>
    /// Multi-tenant Entra ID: the keys from the "organizations" metadata, and an issuer that must be {Instance}{tid}/v2.0
    /// of a tid that configuration maps to a SalesFunctions tenant (Entra's metadata names the issuer with a
    /// {tenantid} placeholder, so the handler's own issuer check cannot be used as is).
    /// </summary>
    private static void Configure(JwtBearerOptions jwt, SignInOptions signIn)
    {
        jwt.MetadataAddress = $"{signIn.Instance}organizations/v2.0/.well-known/openid-configuration";
        jwt.RequireHttpsMetadata = signIn.Instance.Scheme == Uri.UriSchemeHttps;
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = signIn.Audience,
            ValidateIssuer = true,
            IssuerValidator = (issuer, token, _) => ValidIssuer(issuer, token, signIn),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(2),
            NameClaimType = "name",
            RoleClaimType = CallerClaims.RolesClaim,
        };
    }

    private static string ValidIssuer(string issuer, SecurityToken token, SignInOptions signIn)
    {
        var tid = token is JsonWebToken web && web.TryGetPayloadValue<string>(CallerClaims.TenantClaim, out var value) ? value : null;
        if (tid is null || !signIn.Tenants.ContainsKey(tid) || issuer != $"{signIn.Instance}{tid}/v2.0")
        {
            throw new SecurityTokenInvalidIssuerException("The issuer is not an Entra tenant mapped to a SalesFunctions tenant.");
        }

        return issuer;
    }
}
