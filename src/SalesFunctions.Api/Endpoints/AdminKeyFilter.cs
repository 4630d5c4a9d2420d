using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SalesFunctions.Api.Endpoints;

/// <summary>Admin endpoints need the x-admin-key header; compared in constant time.</summary>
public sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-admin-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(expected)
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required",
                detail: $"Send the configured Admin:ApiKey in the {HeaderName} header.");
        }

        return await next(context);
    }
}
