using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using SalesFunctions.Host.Runtime;
using SalesFunctions.Storage;

namespace SalesFunctions.Host.Runtime;

/// <summary>
/// Starts one listener per queue and timer trigger registered in DI, the way the Functions host indexes functions,
/// and stops them together so in-flight messages finish before storage clients go away.
/// </summary>
public sealed class ListenerGroup(IServiceProvider services) : IHostedService
{
    private readonly List<BackgroundService> _listeners = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var hostJson = services.GetRequiredService<HostJson>();
        var queues = services.GetRequiredService<StorageQueues>();
        var time = services.GetRequiredService<TimeProvider>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var heartbeats = services.GetRequiredService<ListenerHeartbeats>();
        foreach (var trigger in services.GetServices<IQueueTrigger>())
        {
            var queueName = trigger.Definition.Queue!;
            _listeners.Add(new QueueListener(trigger, queues.GetQueue(queueName), queues.GetQueue(Core.Queues.QueueNames.PoisonOf(queueName)),
                hostJson, heartbeats, time, services.GetRequiredService<ILogger<QueueListener>>()));
        }

        var locks = services.GetRequiredService<StorageLocks>().Container;
        foreach (var trigger in services.GetServices<ITimerTrigger>())
        {
            var setting = trigger.Definition.ScheduleSetting!;
            var expression = configuration[setting]
                ?? throw new InvalidOperationException($"App setting '{setting}' (an NCRONTAB schedule) is required for {trigger.Definition.Name}.");
            _listeners.Add(new TimerListener(trigger, NcrontabSchedule.Parse(expression), locks, heartbeats, time, services.GetRequiredService<ILogger<TimerListener>>()));
        }

        foreach (var listener in _listeners)
        {
            await listener.StartAsync(cancellationToken);
        }

        heartbeats.Started(_listeners.Select(l => (l switch
        {
            QueueListener queue => queue.Function,
            TimerListener timer => timer.Function,
            _ => throw new InvalidOperationException($"Unknown listener {l.GetType().Name}."),
        }, l)));
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_listeners.Select(l => l.StopAsync(cancellationToken)));
}
