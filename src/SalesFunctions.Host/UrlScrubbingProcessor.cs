using System.Diagnostics;
using OpenTelemetry;

namespace SalesFunctions.Host;

/// <summary>
/// Keeps addresses out of exported spans: our routes carry mailbox addresses in paths and tenants in queries, and Graph
/// and Storage URLs name mailboxes and keys. A server span keeps its route template; any span keeps only the scheme
/// and host of a full URL; queries are dropped.
/// </summary>
public sealed class UrlScrubbingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetTagItem("url.path") is not null)
        {
            data.SetTag("url.path", data.GetTagItem("http.route") as string ?? "(scrubbed)");
        }

        if (data.GetTagItem("url.full") is string full)
        {
            data.SetTag("url.full", Uri.TryCreate(full, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/(scrubbed)" : "(scrubbed)");
        }

        data.SetTag("url.query", null);
    }
}
