using System.Net;
using System.Text;
using Azure.Storage.Queues;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Host.Runtime;
using SalesFunctions.Storage;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Endpoints;

/// <summary>The Graph notification endpoint over real HTTP: handshake, clientState rules, queueing.</summary>
public sealed class GraphNotificationsTests() : HostTest
{
    private const string TenantId = "84bd8158-6d4d-4958-8b9f-9d6445542f95";
    private const string SubscriptionId = "{subscription_guid}";

    [Theory]
    [InlineData("a%20b", "a b")]
    [InlineData("Validation%3A%20Testing%20client%20application%20reachability%20for%20subscription%20Request-Id%3A%2025b2e1a2", "Validation: Testing client application reachability for subscription Request-Id: 25b2e1a2")]
    [InlineData("%3Cscript%3E%26x%3D1", "<script>&x=1")]
    public async Task Post_WhenValidationToken_EchoesTheDecodedTokenAsTextPlain(string encoded, string decoded)
    {
        using var content = new StringContent(string.Empty, Encoding.UTF8, "text/plain");

        using var response = await Host.Client.PostAsync($"/api/graph/notifications?validationToken={encoded}", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(decoded, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_WhenPublishedExampleWithMatchingClientState_QueuesOneCaptureRequestFor_TheStoredMailbox()
    {
        await StoreSubscriptionAsync("secretClientValue");

        using var response = await PostFixtureAsync(clientState: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var messages = await CaptureQueue().ReceiveMessagesAsync(32);
        var request = Assert.Single(messages.Value).Body.ToObjectFromJson<CaptureRequest>(System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal("rep@contoso-sales.example", request.Mailbox);
        Assert.Equal("{long_id_string}", request.ItemId);
        Assert.Equal(MailboxResource.Messages, request.Resource);
        Assert.Equal("created", request.ChangeType);
    }

    [Fact]
    public async Task Post_WhenClientStateDoesNotMatch_AnswersAcceptedAndQueuesNothing()
    {
        await StoreSubscriptionAsync("secretClientValue");

        using var response = await PostFixtureAsync(clientState: "forged");

        // Graph's retry logic must not learn anything; the forged item is simply never processed.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty((await CaptureQueue().PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Post_WhenSubscriptionUnknown_QueuesNothing()
    {
        using var response = await PostFixtureAsync(clientState: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty((await CaptureQueue().PeekMessagesAsync(32)).Value);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"items":[]}""")]
    public async Task Post_WhenBodyIsNotANotificationCollection_AnswersProblem400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await Host.Client.PostAsync("/api/graph/notifications", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_WhenBodyOverOneMegabyte_AnswersProblem413()
    {
        using var content = new StringContent(new string(' ', (1024 * 1024) + 1), Encoding.UTF8, "application/json");

        using var response = await Host.Client.PostAsync("/api/graph/notifications", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostLifecycle_WhenPublishedReauthorizationExampleIsAuthentic_QueuesOneLifecycleNotice()
    {
        await Host.Service<ISubscriptionStore>().SaveAsync(new SubscriptionRecord(TenantId, "e3898f08-5cd0-4a6a-80fc-6addbfb73b7b", "rep@contoso-sales.example",
            MailboxResource.Events, ClientStates.Hash("{secret client state}"), TestClock.Now.AddHours(1)), CancellationToken.None);
        using var content = new StringContent(await File.ReadAllTextAsync(Fixtures.Path("graph", "lifecycle-reauthorizationRequired.json")), Encoding.UTF8, "application/json");
        using var handshake = await Host.Client.PostAsync("/api/graph/lifecycle?validationToken=x%3Fy", null);

        using var response = await Host.Client.PostAsync("/api/graph/lifecycle", content);

        Assert.Equal("x?y", await handshake.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var notice = Assert.Single((await Host.Service<StorageQueues>().GetQueue(QueueNames.Lifecycle).ReceiveMessagesAsync(32)).Value)
            .Body.ToObjectFromJson<LifecycleNotice>(System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal(new LifecycleNotice(TenantId, "e3898f08-5cd0-4a6a-80fc-6addbfb73b7b", "reauthorizationRequired"), notice);
        Assert.Empty((await CaptureQueue().PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task PostLifecycle_WhenClientStateForged_QueuesNothing()
    {
        var json = (await File.ReadAllTextAsync(Fixtures.Path("graph", "lifecycle-subscriptionRemoved.json"))).Replace("<tenant_guid>", TenantId, StringComparison.Ordinal);
        await StoreSubscriptionAsync("the real secret");
        json = json.Replace("<subscription_guid>", SubscriptionId, StringComparison.Ordinal);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await Host.Client.PostAsync("/api/graph/lifecycle", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty((await Host.Service<StorageQueues>().GetQueue(QueueNames.Lifecycle).PeekMessagesAsync(32)).Value);
    }

    private Task StoreSubscriptionAsync(string clientState) =>
        Host.Service<ISubscriptionStore>().SaveAsync(
            new SubscriptionRecord(TenantId, SubscriptionId, "rep@contoso-sales.example", MailboxResource.Messages, ClientStates.Hash(clientState), TestClock.Now.AddDays(2)),
            CancellationToken.None);

    private async Task<HttpResponseMessage> PostFixtureAsync(string? clientState)
    {
        var json = await File.ReadAllTextAsync(Fixtures.Path("graph", "notification-message-created-basic.json"));
        if (clientState is not null)
        {
            json = json.Replace("\"secretClientValue\"", $"\"{clientState}\"", StringComparison.Ordinal);
        }

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Host.Client.PostAsync("/api/graph/notifications", content);
    }

    private QueueClient CaptureQueue() => Host.Service<StorageQueues>().GetQueue(QueueNames.Capture);
}
