using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Graph.Tests;

/// <summary>The real Graph SDK reading the user behind a mailbox (id and proxyAddresses) from the simulator over HTTP.</summary>
public sealed class GraphMailboxUserReaderTests : IAsyncLifetime
{
    private readonly SimulatedGraph _graph = new();

    public Task InitializeAsync() => _graph.InitializeAsync();

    public Task DisposeAsync() => _graph.DisposeAsync();

    [Fact]
    public async Task ReadAsync_WhenTheMailboxIsARep_ReturnsItsObjectIdAndEverySmtpAddressAskingForNothingElse()
    {
        var organisation = new DemoOrganisation(new Simulator.SimulatorOptions());
        var rep = organisation.Reps[0];

        var user = await Reader.ReadAsync(DemoOrganisation.TenantId, rep.Email, CancellationToken.None);

        Assert.Equal(rep.UserId, user!.Id);
        Assert.Equal(DemoOrganisation.ProxyAddresses(rep).Select(a => a[5..]), user.SmtpAddresses);
        var request = Assert.Single(_graph.Recorder.Requests, r => Uri.UnescapeDataString(r.Uri.AbsolutePath).EndsWith($"/users/{rep.Email}", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("?$select=id,proxyAddresses", Uri.UnescapeDataString(request.Uri.Query));
    }

    [Fact]
    public async Task ReadAsync_WhenGraphDoesNotKnowTheMailbox_ReturnsNullSoThatOnboardingGoesOn()
    {
        Assert.Null(await Reader.ReadAsync(DemoOrganisation.TenantId, "nobody@contoso-sales.example", CancellationToken.None));
    }

    private GraphMailboxUserReader Reader => new(_graph.Get<GraphServiceClients>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<GraphMailboxUserReader>.Instance);
}
