using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Graph.Models.ODataErrors;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Graph.Tests;

public sealed class GraphSubscriptionClientTests : IAsyncLifetime
{
    private readonly SimulatedGraph _graph = new();
    private WebApplication _receiver = null!;
    private bool _echoToken = true;

    public async Task InitializeAsync()
    {
        await _graph.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/notify", (HttpRequest request) => _echoToken
            ? Results.Text(request.Query["validationToken"].ToString(), "text/plain")
            : Results.Text(Uri.EscapeDataString(request.Query["validationToken"].ToString()), "text/plain"));
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task CreateAsync_WhenEndpointEchoesTheToken_CreatesTheSubscriptionWithItsClientState()
    {
        var created = await Client.CreateAsync(DemoOrganisation.TenantId, Request("users/ava@contoso-sales.example/messages"), CancellationToken.None);

        var stored = _graph.Simulator.Services.GetRequiredService<SubscriptionRegistry>().Find(created.Id);
        Assert.NotNull(stored);
        Assert.Equal("secret-state", stored.ClientState);
        Assert.Equal("created,updated,deleted", stored.ChangeType);
    }

    [Fact]
    public async Task CreateAsync_WhenEndpointAnswersTheTokenStillEncoded_FailsAsGraphDoes()
    {
        _echoToken = false;

        var error = await Assert.ThrowsAsync<ODataError>(() => Client.CreateAsync(DemoOrganisation.TenantId, Request("users/ava@contoso-sales.example/events"), CancellationToken.None));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Empty(_graph.Simulator.Services.GetRequiredService<SubscriptionRegistry>().All);
    }

    [Fact]
    public async Task DeleteAsync_WhenAlreadyGone_Succeeds()
    {
        var created = await Client.CreateAsync(DemoOrganisation.TenantId, Request("users/ava@contoso-sales.example/messages"), CancellationToken.None);

        await Client.DeleteAsync(DemoOrganisation.TenantId, created.Id, CancellationToken.None);
        await Client.DeleteAsync(DemoOrganisation.TenantId, created.Id, CancellationToken.None);

        Assert.Null(_graph.Simulator.Services.GetRequiredService<SubscriptionRegistry>().Find(created.Id));
    }

    [Fact]
    public async Task CreateAsync_WhenTheCombinationExists_ThrowsAConflictNamingTheExistingSubscription()
    {
        var first = await Client.CreateAsync(DemoOrganisation.TenantId, Request("users/ava@contoso-sales.example/messages"), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<SubscriptionConflictException>(() =>
            Client.CreateAsync(DemoOrganisation.TenantId, Request("users/ava@contoso-sales.example/messages"), CancellationToken.None));

        Assert.Equal(first.Id, conflict.ExistingSubscriptionId);
    }

    [Fact]
    public async Task RenewAsync_WhenSubscriptionExists_ExtendsItAndWhenGone_ReturnsNull()
    {
        var created = await Client.CreateAsync(DemoOrganisation.TenantId, Request("users/ava@contoso-sales.example/events"), CancellationToken.None);
        var later = TestClock.Now.AddMinutes(5000);

        var renewed = await Client.RenewAsync(DemoOrganisation.TenantId, created.Id, later, CancellationToken.None);
        await Client.DeleteAsync(DemoOrganisation.TenantId, created.Id, CancellationToken.None);
        var gone = await Client.RenewAsync(DemoOrganisation.TenantId, created.Id, later, CancellationToken.None);

        Assert.Equal(later, renewed!.ExpiresAt, TimeSpan.FromSeconds(1));
        Assert.Null(gone);
    }

    private ISubscriptionClient Client => _graph.Get<ISubscriptionClient>();

    private SubscriptionRequest Request(string resource) => new(
        resource, "created,updated,deleted", new Uri($"{_receiver.Urls.First()}/notify"), null, TestClock.Now.AddMinutes(4230), "secret-state");
}
