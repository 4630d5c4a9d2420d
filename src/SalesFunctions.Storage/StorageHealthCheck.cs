using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SalesFunctions.Storage;

/// <summary>
/// Readiness of storage: the account answers, and every table, queue (with its poison twin) and container this
/// deployment uses exists. Three list calls, whatever the number of names. The description names what is missing by
/// its logical name, or the failure's type and status; never the account, its URL or an exception message.
/// </summary>
public sealed class StorageHealthCheck(StorageClients clients, StorageNames names) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var tables = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var table in clients.Tables.QueryAsync(cancellationToken: cancellationToken))
            {
                tables.Add(table.Name);
            }

            var queues = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var queue in clients.Queues.GetQueuesAsync(prefix: names.Queue(string.Empty).TrimEnd('-'), cancellationToken: cancellationToken))
            {
                queues.Add(queue.Name);
            }

            var containers = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var container in clients.Blobs.GetBlobContainersAsync(prefix: names.Container(string.Empty).TrimEnd('-'), cancellationToken: cancellationToken))
            {
                containers.Add(container.Name);
            }

            List<string> missing =
            [
                .. StorageNames.Tables.Where(t => !tables.Contains(names.Table(t))).Select(t => $"table {t}"),
                .. StorageNames.Queues.Where(q => !queues.Contains(names.Queue(q))).Select(q => $"queue {q}"),
                .. StorageNames.Containers.Where(c => !containers.Contains(names.Container(c))).Select(c => $"container {c}"),
            ];
            return missing.Count == 0
                ? HealthCheckResult.Healthy($"{StorageNames.Tables.Count} tables, {StorageNames.Queues.Count} queues, {StorageNames.Containers.Count} containers")
                : HealthCheckResult.Unhealthy($"missing: {string.Join(", ", missing)}");
        }
        catch (RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"storage answered {e.Status} {e.ErrorCode}");
        }
        catch (Exception e) when (e is AggregateException or HttpRequestException or TimeoutException or IOException)
        {
            // Unreachable: Azure.Core gives up with an AggregateException of its attempts.
            return HealthCheckResult.Unhealthy($"storage unreachable ({e.GetType().Name})");
        }
    }
}
