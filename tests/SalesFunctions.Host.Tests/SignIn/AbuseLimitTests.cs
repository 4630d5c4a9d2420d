using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Host.Tests.SignIn;

public sealed class AbuseLimitTests() : HostTest(new Dictionary<string, string?>
    {
        ["Auth:RequestsPerMinute"] = "3",
        ["Auth:IngressRequestsPerMinute"] = "2",
    })
{
    [Fact]
    public async Task Api_WhenACallerExceedsItsLimit_Answers429WithRetryAfterWhileAnotherCallerGoesOn()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await GetStatusAsync(Host.Token("tenant-a", CallerRole.Admin));
            statuses.Add(last.StatusCode);
        }

        using var other = await GetStatusAsync(Host.Token("tenant-b", CallerRole.Admin));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task Ingress_WhenOneSenderExceedsItsLimit_Answers429()
    {
        var statuses = new List<HttpStatusCode>();
        using var client = Host.AnonymousClient();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/api/graph/notifications", new StringContent("{\"value\":[]}", Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Body_WhenLargerThanTheRouteAllows_IsRefusedWith413AndNotStored()
    {
        using var client = Host.AnonymousClient();
        await Host.ImportDirectoryAsync("tenant-a", [], []);
        var before = await Host.SnapshotStorageAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/admin/tenants/tenant-a/directory/accounts")
        {
            Content = new StringContent("id,name,domains\n" + string.Concat(Enumerable.Range(0, 600_000).Select(i => $"acc-{i},Account {i},a{i}.example\n")), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.Token("tenant-a", CallerRole.Admin));
        // The Host answers before it reads the body; with 100-continue the client waits for that answer instead of
        // sending 21 MB into a closed connection (AnonymousClient waits for it).
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(before.Changes(await Host.SnapshotStorageAsync()));
    }

    private async Task<HttpResponseMessage> GetStatusAsync(string token)
    {
        using var client = Host.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
