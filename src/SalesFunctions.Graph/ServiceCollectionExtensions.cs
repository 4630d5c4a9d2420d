using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Sync;

namespace SalesFunctions.Graph;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddSalesFunctionsGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();

        // The SDK's own handler chain: retry honouring Retry-After on 429/503/504, redirects, compression. Graph URLs
        // name mailboxes (users/{address}/...), so this client never logs them, whatever a host's log levels say.
        services.AddHttpClient(GraphServiceClients.HttpClientName)
            .RemoveAllLoggers()
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler);
                }

                // Innermost: every attempt the retry handler makes is counted.
                handlers.Add(new GraphRequestMetrics(provider.GetRequiredService<SalesFunctions.Core.SalesFunctionsMetrics>()));
            });
        // The Graph call counter's meter; Core registers the same (TryAdd keeps one) when both are added.
        services.AddMetrics();
        services.TryAddSingleton<SalesFunctions.Core.SalesFunctionsMetrics>();
        services.AddSingleton<GraphServiceClients>();
        services.AddSingleton<MailboxRequestLimiter>();
        services.AddSingleton<IMailboxReader, GraphMailboxReader>();
        services.AddSingleton<ICallRecordReader, GraphCallRecordReader>();
        services.AddSingleton<IMailboxUserReader, GraphMailboxUserReader>();
        services.AddSingleton<ISubscriptionClient, GraphSubscriptionClient>();
        services.AddSingleton<IMailboxDelta, GraphMailboxDelta>();
        // One instance, whose result a host's readiness check reuses for a few minutes.
        services.AddSingleton<GraphTokenHealthCheck>();
        return services;
    }
}
