using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace SalesFunctions.Storage;

/// <summary>The three service clients, created once: singletons, as the Azure SDK recommends; each counts its calls (<see cref="StorageCallCounter"/>).</summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<StorageOptions> options, StorageCallCounter calls)
    {
        var settings = options.Value;

        // The Functions queue trigger reads Base64 by default; plain text would fail to bind there.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        queueOptions.Retry.NetworkTimeout = tableOptions.Retry.NetworkTimeout = blobOptions.Retry.NetworkTimeout = settings.RequestTimeout;

        // Per retry: every attempt is a billed transaction.
        tableOptions.AddPolicy(calls.PolicyFor(StorageCallCounter.Table), HttpPipelinePosition.PerRetry);
        queueOptions.AddPolicy(calls.PolicyFor(StorageCallCounter.Queue), HttpPipelinePosition.PerRetry);
        blobOptions.AddPolicy(calls.PolicyFor(StorageCallCounter.Blob), HttpPipelinePosition.PerRetry);
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            Tables = new TableServiceClient(settings.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(settings.ConnectionString, queueOptions);
            Blobs = new BlobServiceClient(settings.ConnectionString, blobOptions);
            return;
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings.ManagedIdentityClientId });
        Tables = new TableServiceClient(settings.TableServiceUri, credential, tableOptions);
        Queues = new QueueServiceClient(settings.QueueServiceUri, credential, queueOptions);
        Blobs = new BlobServiceClient(settings.BlobServiceUri, credential, blobOptions);
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }
}
