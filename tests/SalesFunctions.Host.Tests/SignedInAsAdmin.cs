using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Host.Tests;

/// <summary>
/// The test client's sign-in, for the tests that are not about sign-in: each request carries an Admin token of the
/// tenant it names (the route's tenants/{id} or the tenant= query) when that is one of <see cref="HostUnderTest.Tenants"/>,
/// else of the operator tenant (so a request for an invalid or unknown tenant is another tenant's: 403).
/// A request that already has an Authorization header keeps it.
/// </summary>
internal sealed partial class SignedInAsAdmin(HostUnderTest host) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && request.RequestUri is { } uri)
        {
            var absolute = uri.IsAbsoluteUri ? uri : new Uri(host.BaseAddress, uri);
            var tenant = TenantInPath().Match(absolute.AbsolutePath) is { Success: true } match
                ? Uri.UnescapeDataString(match.Groups[1].Value)
                : QueryHelpers.ParseQuery(absolute.Query).TryGetValue("tenant", out var query) && query.Count > 0 ? query.ToString() : HostUnderTest.HomeTenant;
            tenant = HostUnderTest.Tenants.Contains(tenant) ? tenant : HostUnderTest.HomeTenant;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Token(tenant, CallerRole.Admin));
        }

        return base.SendAsync(request, cancellationToken);
    }

    [GeneratedRegex("/tenants/([^/]+)")]
    private static partial Regex TenantInPath();
}
