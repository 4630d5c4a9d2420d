using Microsoft.Extensions.Http;
using SalesFunctions.Graph;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>Counts the Graph requests of one Host, in its Graph client's handler chain: which instance did the work.</summary>
public sealed class GraphReadCounter
{
    private int _count;

    public int Count => _count;

    public void AddTo(IServiceCollection services) =>
        services.Configure<HttpClientFactoryOptions>(GraphServiceClients.HttpClientName,
            options => options.HttpMessageHandlerBuilderActions.Add(builder => builder.AdditionalHandlers.Add(new Counting(this))));

    private sealed class Counting(GraphReadCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
