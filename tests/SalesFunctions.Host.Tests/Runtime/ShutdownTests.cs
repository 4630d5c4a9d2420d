using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Host.Tests.Runtime;

/// <summary>
/// The Host stops promptly when told to, storage reachable or not: Container Apps and Flex Consumption give an instance
/// about 30 s after SIGTERM, and the Host's own shutdown timeout is 10 s.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task StopAsync_WhenStorageGoesAwayUnderInFlightMessages_ReturnsWithinTheShutdownTimeout()
    {
        await using var link = StorageLink.Open();
        var host = await HostUnderTest.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = link.ConnectionString,
            ["Listeners:Enabled"] = "true",
        });
        await host.ImportDirectoryAsync("tenant-a", [HostUnderTest.Northwind], []);
        var at = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        var emails = Enumerable.Range(0, 300).Select(i => new Activity("tenant-a", $"mail-{i}", ActivityKind.Email, ActivityDirection.Inbound, at.AddMinutes(i), null, null,
            [new Participant("kim@northwind.example", ParticipantRole.From, false), new Participant("ava@contoso-sales.example", ParticipantRole.To, true)])).ToList();
        await host.Service<IQueuePublisher>().SendBatchAsync(QueueNames.Score, emails, CancellationToken.None);

        // The score listener is busy with them when storage goes away under it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        link.Cut();

        // The bound is the requirement (10 s) plus a margin for a loaded machine; without the drain and the bounded
        // settling, the storage client's retries inside in-flight invocations held the Host until its 30-second default.
        await host.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));
        await host.DisposeAsync();
    }
}
