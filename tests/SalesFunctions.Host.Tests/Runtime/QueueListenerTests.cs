using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;
using SalesFunctions.Host.Runtime;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Runtime;

/// <summary>The Host's queue listener against a real Azurite queue, checked against the Functions queue semantics.</summary>
public sealed class QueueListenerTests : IAsyncLifetime
{
    private static readonly HostJson Settings = new("api", new QueueSettings { BatchSize = 4, NewBatchThreshold = 2, MaxDequeueCount = 3, VisibilityTimeout = TimeSpan.Zero, MaxPollingInterval = TimeSpan.FromMilliseconds(200) }, TimeSpan.FromMinutes(1));

    private readonly string _name = "q" + Guid.NewGuid().ToString("N")[..12];
    private QueueClient _queue = null!;
    private QueueClient _poison = null!;

    public async Task InitializeAsync()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        _queue = new QueueClient(AzuriteStorage.ConnectionString, _name, options);
        _poison = new QueueClient(AzuriteStorage.ConnectionString, _name + "-poison", options);
        await _queue.CreateAsync();
        await _poison.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _queue.DeleteIfExistsAsync();
        await _poison.DeleteIfExistsAsync();
    }

    [Fact]
    public void Failure_WhenStorageRefusesAWrite_NamesStatusAndErrorCodeNotOnlyTheType()
    {
        var storage = new Azure.RequestFailedException(400, "The property value exceeds the maximum allowed size (64KB).", "PropertyValueTooLarge", null);

        Assert.Equal("RequestFailedException 400 PropertyValueTooLarge", QueueListener.Failure(storage));
        Assert.Equal("TimeoutException", QueueListener.Failure(new TimeoutException()));
    }

    [Fact]
    public async Task ProcessAsync_WhenTriggerSucceeds_DeletesTheMessage()
    {
        var trigger = new RecordingQueueTrigger();
        await _queue.SendMessageAsync("""{"n":1}""");

        await ProcessNextAsync(trigger);

        Assert.Equal(["""{"n":1}"""], trigger.Received);
        Assert.Equal(0, await DepthAsync(_queue));
        Assert.Equal(0, await DepthAsync(_poison));
    }

    [Fact]
    public async Task ProcessAsync_WhenTriggerFailsFewerThanMaxDequeueCount_RetriesThenSucceeds()
    {
        var trigger = new RecordingQueueTrigger(failures: 2);
        await _queue.SendMessageAsync("retry me");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await ProcessNextAsync(trigger);
        }

        Assert.Equal(3, trigger.Received.Count);
        Assert.Equal(0, await DepthAsync(_queue));
        Assert.Equal(0, await DepthAsync(_poison));
    }

    [Fact]
    public async Task ProcessAsync_WhenTriggerAlwaysFails_MovesTheBodyToPoisonAfterMaxDequeueCount()
    {
        var trigger = new RecordingQueueTrigger(failures: int.MaxValue);
        await _queue.SendMessageAsync("""{"bad":true}""");

        for (var attempt = 0; attempt < Settings.Queues.MaxDequeueCount; attempt++)
        {
            await ProcessNextAsync(trigger);
        }

        Assert.Equal(Settings.Queues.MaxDequeueCount, trigger.Received.Count);
        Assert.Equal(0, await DepthAsync(_queue));
        QueueMessage poisoned = (await _poison.ReceiveMessageAsync()).Value;
        Assert.Equal("""{"bad":true}""", poisoned.Body.ToString());
    }

    [Fact]
    public async Task ProcessAsync_WhenDequeueCountAlreadyOverTheLimit_PoisonsWithoutInvoking()
    {
        var trigger = new RecordingQueueTrigger();
        await _queue.SendMessageAsync("crashed a host before");

        // Each receive whose lease lapses counts as a delivery, as a host crashing mid-invocation would have made it.
        for (var i = 0; i < Settings.Queues.MaxDequeueCount; i++)
        {
            Assert.NotNull((await _queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value);
            await Task.Delay(TimeSpan.FromSeconds(1.1));
        }

        await ProcessNextAsync(trigger);

        Assert.Empty(trigger.Received);
        Assert.Equal(0, await DepthAsync(_queue));
        Assert.Equal(1, await DepthAsync(_poison));
    }

    [Fact]
    public async Task ExecuteAsync_WhenManyMessages_ProcessesEachOnceAndDrainsTheQueue()
    {
        var trigger = new RecordingQueueTrigger();
        var bodies = Enumerable.Range(0, 30).Select(i => $"m{i}").ToList();
        foreach (var body in bodies)
        {
            await _queue.SendMessageAsync(body);
        }

        using var listener = new QueueListener(trigger, _queue, _poison, Settings, new ListenerHeartbeats(), TimeProvider.System, NullLogger<QueueListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (trigger.Received.Count < bodies.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await listener.StopAsync(CancellationToken.None);

        Assert.Equal(bodies.Order(), trigger.Received.Order());
        Assert.Equal(0, await DepthAsync(_queue));
    }

    [Fact]
    public async Task StopAsync_WhenStorageAnswersAReceiveAfterShutdownBegan_ProcessesThoseMessagesInsteadOfStrandingThem()
    {
        // Storage has leased the message for ten minutes by the time it answers; the answer arrives after the stop.
        var trigger = new RecordingQueueTrigger();
        await _queue.SendMessageAsync("leased during shutdown");
        var slowReceive = new SlowReceivePolicy();
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.AddPolicy(slowReceive, Azure.Core.HttpPipelinePosition.PerCall);
        var queue = new QueueClient(AzuriteStorage.ConnectionString, _name, options);

        using var listener = new QueueListener(trigger, queue, _poison, Settings, new ListenerHeartbeats(), TimeProvider.System, NullLogger<QueueListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        await slowReceive.Leased.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = listener.StopAsync(CancellationToken.None);
        slowReceive.Answer.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["leased during shutdown"], trigger.Received);
        Assert.Equal(0, (await _queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task StopAsync_WhenAnInvocationOutlastsTheDrain_CancelsItAndReleasesItsMessageForRedelivery()
    {
        var trigger = new BlockingQueueTrigger();
        await _queue.SendMessageAsync("long work");
        using var listener = new QueueListener(trigger, _queue, _poison, Settings, new ListenerHeartbeats(), TimeProvider.System, NullLogger<QueueListener>.Instance, drainGrace: TimeSpan.FromMilliseconds(300));
        await listener.StartAsync(CancellationToken.None);
        await trigger.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await listener.StopAsync(CancellationToken.None);

        Assert.True(trigger.Cancelled);
        // Visible at once, not after the ten-minute lease: another instance takes it over.
        var redelivered = (await _queue.ReceiveMessageAsync()).Value;
        Assert.Equal("long work", redelivered?.Body.ToString());
        Assert.Equal(0, await DepthAsync(_poison));
    }

    [Fact]
    public async Task StopAsync_WhenAnInvocationFinishesWithinTheDrain_CompletesAndDeletesIt()
    {
        var trigger = new BlockingQueueTrigger();
        await _queue.SendMessageAsync("short work");
        using var listener = new QueueListener(trigger, _queue, _poison, Settings, new ListenerHeartbeats(), TimeProvider.System, NullLogger<QueueListener>.Instance, drainGrace: TimeSpan.FromSeconds(20));
        await listener.StartAsync(CancellationToken.None);
        await trigger.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = listener.StopAsync(CancellationToken.None);
        trigger.Finish.SetResult();
        await stopping;

        Assert.False(trigger.Cancelled);
        Assert.Equal(0, (await _queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private async Task ProcessNextAsync(RecordingQueueTrigger trigger)
    {
        using var listener = new QueueListener(trigger, _queue, _poison, Settings, new ListenerHeartbeats(), TimeProvider.System, NullLogger<QueueListener>.Instance);
        var message = (await _queue.ReceiveMessageAsync(QueueListener.Lease)).Value;
        Assert.NotNull(message);
        await listener.ProcessAsync(message, CancellationToken.None);
    }

    private static async Task<int> DepthAsync(QueueClient queue) =>
        (await queue.PeekMessagesAsync(32)).Value.Length;

    /// <summary>Holds back storage's answer to the first receive that leased a message, honouring cancellation as a socket would.</summary>
    private sealed class SlowReceivePolicy : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        public TaskCompletionSource Leased { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The listener receives asynchronously.");

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            var receive = message.Request.Method == Azure.Core.RequestMethod.Get
                && message.Request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal)
                && !message.Request.Uri.Query.Contains("peekonly", StringComparison.Ordinal);
            if (receive && message.Response.Status == 200 && message.Response.Content.ToString().Contains("<QueueMessage>", StringComparison.Ordinal) && Leased.TrySetResult())
            {
                await Answer.Task.WaitAsync(message.CancellationToken);
            }
        }
    }

    /// <summary>Runs until told to finish or cancelled, as a long invocation would.</summary>
    private sealed class BlockingQueueTrigger : IQueueTrigger
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled { get; private set; }

        public Api.Functions.FunctionDefinition Definition { get; } = new("Blocking", Api.Functions.TriggerKind.Queue, Queue: "blocking");

        public async Task RunAsync(BinaryData message, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Finish.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }
        }
    }
}
