using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using SalesFunctions.Api.Functions;
using SalesFunctions.Host.Runtime;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Runtime;

public sealed class TimerListenerTests : IAsyncLifetime
{
    private readonly BlobContainerClient _locks = new(AzuriteStorage.ConnectionString, "locks-" + Guid.NewGuid().ToString("N")[..12]);

    public Task InitializeAsync() => _locks.CreateAsync();

    public Task DisposeAsync() => _locks.DeleteIfExistsAsync();

    [Fact]
    public async Task RunOnceAsync_WhenTwoInstancesFireTogether_OnlyOneRuns()
    {
        var trigger = new SlowTimerTrigger();
        var schedule = NcrontabSchedule.Parse("0 0 * * * *");
        using var first = new TimerListener(trigger, schedule, _locks, new ListenerHeartbeats(), TimeProvider.System, NullLogger<TimerListener>.Instance);
        using var second = new TimerListener(trigger, schedule, _locks, new ListenerHeartbeats(), TimeProvider.System, NullLogger<TimerListener>.Instance);

        var results = await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, results.Count(ran => ran));
        Assert.Equal(1, trigger.Runs);
    }

    [Fact]
    public async Task RunOnceAsync_WhenPreviousRunFinished_RunsAgain()
    {
        var trigger = new SlowTimerTrigger();
        using var listener = new TimerListener(trigger, NcrontabSchedule.Parse("0 0 * * * *"), _locks, new ListenerHeartbeats(), TimeProvider.System, NullLogger<TimerListener>.Instance);

        Assert.True(await listener.RunOnceAsync(CancellationToken.None));
        Assert.True(await listener.RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, trigger.Runs);
    }

    [Fact]
    public async Task RunOnceAsync_WhenTriggerThrows_ReleasesTheLockForTheNextOccurrence()
    {
        var failing = new SlowTimerTrigger { Fail = true };
        using var listener = new TimerListener(failing, NcrontabSchedule.Parse("0 0 * * * *"), _locks, new ListenerHeartbeats(), TimeProvider.System, NullLogger<TimerListener>.Instance);

        Assert.True(await listener.RunOnceAsync(CancellationToken.None));
        Assert.True(await listener.RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, failing.Runs);
    }

    private sealed class SlowTimerTrigger : ITimerTrigger
    {
        private int _runs;

        public FunctionDefinition Definition { get; } = new("SlowTimer", TriggerKind.Timer, ScheduleSetting: "SlowTimerSchedule");

        public bool Fail { get; init; }

        public int Runs => _runs;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            await Task.Delay(500, cancellationToken);
            if (Fail)
            {
                throw new InvalidOperationException("Failing on purpose.");
            }
        }
    }
}
