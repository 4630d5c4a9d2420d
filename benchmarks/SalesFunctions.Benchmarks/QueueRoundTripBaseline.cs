using System.Diagnostics;
using Azure.Storage.Queues;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// The floor under any queue-driven pipeline on this machine: Azurite sending, receiving and deleting messages of
/// a score message's size, with the Host listener's own concurrency (host.json batchSize + newBatchThreshold).
/// </summary>
internal static class QueueRoundTripBaseline
{
    public static async Task<double> MeasureAsync(string connectionString, int messages, int bodyBytes, int concurrency)
    {
        var queue = new QueueClient(connectionString, "bench-baseline-" + Guid.NewGuid().ToString("N")[..8], new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateAsync();
        try
        {
            var body = BinaryData.FromString(new string('x', bodyBytes));
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (_, token) => await queue.SendMessageAsync(body, cancellationToken: token));
            var received = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, concurrency), async (_, token) =>
            {
                while (Volatile.Read(ref received) < messages)
                {
                    var batch = await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1), token);
                    foreach (var message in batch.Value)
                    {
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
                        Interlocked.Increment(ref received);
                    }

                    if (batch.Value.Length == 0 && Volatile.Read(ref received) < messages)
                    {
                        await Task.Delay(50, token);
                    }
                }
            });
            return messages / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await queue.DeleteAsync();
        }
    }
}
