using System.Diagnostics.Metrics;
using Azure.Data.Tables;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Storage.Tests;

public sealed class StorageCallCounterTests : StorageTestBase
{
    [Fact]
    public async Task Snapshot_WhenOneUpsertAndOneQuery_CountsEachByServiceOperationAndLogicalTable()
    {
        var table = Get<StorageClients>().Tables.GetTableClient(Get<StorageNames>().Table(StorageNames.Activities));
        var before = Get<StorageCallCounter>().Snapshot();

        await table.UpsertEntityAsync(new TableEntity("tenant-a", "row-1") { ["Kind"] = "email" });
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == "tenant-a"))
        {
        }

        var counted = Get<StorageCallCounter>().Since(before).ToDictionary();
        Assert.Equal(
            new Dictionary<StorageCall, long>
            {
                [new StorageCall("table", "upsert", "activities")] = 1,
                [new StorageCall("table", "query", "activities")] = 1,
            },
            counted);
    }

    [Fact]
    public async Task Snapshot_WhenQueueRoundTripAndPointReadAndBlobUpload_NamesEachOperation()
    {
        var clients = Get<StorageClients>();
        var names = Get<StorageNames>();
        var before = Get<StorageCallCounter>().Snapshot();

        await Get<IQueuePublisher>().SendAsync(QueueNames.Score, new { n = 1 }, CancellationToken.None);
        var queue = Get<StorageQueues>().GetQueue(QueueNames.Score);
        var message = (await queue.ReceiveMessageAsync()).Value;
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        var missing = await clients.Tables.GetTableClient(names.Table(StorageNames.Subscriptions)).GetEntityIfExistsAsync<TableEntity>("tenant-a", "no-such-row");
        await clients.Blobs.GetBlobContainerClient(names.Container(StorageNames.CrmPayloads)).UploadBlobAsync("tenant-a/one.json", BinaryData.FromString("{}"));

        Assert.False(missing.HasValue);
        Assert.Equal(
            new Dictionary<StorageCall, long>
            {
                [new StorageCall("queue", "send", "score")] = 1,
                [new StorageCall("queue", "receive", "score")] = 1,
                [new StorageCall("queue", "delete", "score")] = 1,
                [new StorageCall("table", "read", "subscriptions")] = 1,
                [new StorageCall("blob", "upload", "crm-payloads")] = 1,
            },
            Get<StorageCallCounter>().Since(before).ToDictionary());
    }

    [Fact]
    public async Task Snapshot_WhenTracesWrittenInOneTransaction_CountsOneBatchOfThreeEntitiesOnTheMonthlyTracesTable()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var traces = Enumerable.Range(0, 3).Select(i => new CaptureTrace("tenant-a", at.AddMinutes(i), TraceStage.Received, TraceKeys.ForItem($"item-{i}"), $"item-{i}", null)).ToList();
        var before = Get<StorageCallCounter>().Snapshot();
        var entitiesBefore = Get<StorageCallCounter>().BatchEntities();

        await Get<ITraceStore>().WriteAsync(traces, CancellationToken.None);

        var counted = Get<StorageCallCounter>().Since(before).ToDictionary();
        Assert.Equal(1, counted[new StorageCall("table", "batch", "traces")]);
        Assert.Equal(1, counted[new StorageCall("table", "create table", "*")]);
        Assert.Equal(2, counted.Count);
        Assert.Equal(3, Assert.Single(Get<StorageCallCounter>().BatchEntitiesSince(entitiesBefore)).Value);
    }

    [Fact]
    public async Task StorageCalls_WhenAQueueMessageIsSent_RecordsTheMetricWithNamesOnlyAsTags()
    {
        var factory = Get<IMeterFactory>();
        var measured = new List<Dictionary<string, object?>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "salesfunctions.storage.calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (measured)
            {
                measured.Add(tags.ToArray().ToDictionary(t => t.Key, t => t.Value));
            }
        });
        listener.Start();

        await Get<IQueuePublisher>().SendAsync(QueueNames.Crm, new { secret = "never-a-tag" }, CancellationToken.None);

        var sent = Assert.Single(measured, m => Equals(m["operation"], "send"));
        Assert.Equal(new Dictionary<string, object?> { ["service"] = "queue", ["operation"] = "send", ["name"] = "crm", ["status_class"] = "2xx" }, sent);
    }
}
