using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SalesFunctions.Core.Crm;

namespace SalesFunctions.Core.Tests.Fakes;

/// <summary>Generic-connector CRM events through the real processor, as the crm queue step runs them.</summary>
internal static class CrmEvents
{
    public const string Connector = "crm-1";

    /// <summary>A pipeline with the generic connector: owners u-ava and u-cy mapped to reps, EUR at 1.08.</summary>
    public static Pipeline NewPipeline()
    {
        var pipeline = new Pipeline();
        pipeline.CrmOptions.Connectors[Connector] = new CrmConnector
        {
            TenantId = TestData.Tenant,
            Provider = CrmProvider.Generic,
            Secret = "s",
            Owners = new() { ["u-ava"] = TestData.Ava, ["u-cy"] = "cy@contoso-sales.example" },
        };
        pipeline.CrmOptions.ExchangeRates["EUR"] = 1.08m;
        return pipeline;
    }

    public static async Task ProcessAsync(Pipeline pipeline, DateTimeOffset receivedAt, params string[] events) =>
        await Processor(pipeline).ProcessAsync(await StoreAsync(pipeline, receivedAt, events), CancellationToken.None);

    public static CrmEventProcessor Processor(Pipeline pipeline) =>
        new(new FixedOptionsMonitor<CrmOptions>(pipeline.CrmOptions), pipeline.Crm, pipeline.Crm, pipeline.DirtyDays, pipeline.Stores, pipeline.Queue.Object, pipeline.Clock, Pipeline.Metrics, NullLogger<CrmEventProcessor>.Instance);

    /// <summary>What the ingress does: keep the body, and queue a message pointing at it.</summary>
    public static async Task<CrmMessage> StoreAsync(Pipeline pipeline, DateTimeOffset receivedAt, params string[] events)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"events":[{{string.Join(',', events)}}]}""");
        var name = await pipeline.Crm.SaveAsync(TestData.Tenant, Connector, body, CancellationToken.None);
        return new CrmMessage(TestData.Tenant, Connector, CrmProvider.Generic, name, receivedAt);
    }

    public static string Event(string id, string entity, string recordId, DateTimeOffset at, params (string Name, string Value)[] fields) =>
        JsonSerializer.Serialize(new { id, entity, recordId, occurredAt = Iso(at), fields = fields.ToDictionary(f => f.Name, f => f.Value) });

    public static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
