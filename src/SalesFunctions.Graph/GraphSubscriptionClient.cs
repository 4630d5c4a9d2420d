using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Graph;

public sealed class GraphSubscriptionClient(GraphServiceClients clients) : ISubscriptionClient
{
    public async Task<CreatedSubscription> CreateAsync(string tenantId, SubscriptionRequest request, CancellationToken cancellationToken)
    {
        var created = await clients.ForTenant(tenantId).Subscriptions.PostAsync(new Subscription
        {
            ChangeType = request.ChangeType,
            NotificationUrl = request.NotificationUrl.ToString(),
            LifecycleNotificationUrl = request.LifecycleNotificationUrl?.ToString(),
            Resource = request.Resource,
            ExpirationDateTime = request.ExpiresAt,
            ClientState = request.ClientState,
        }, cancellationToken: cancellationToken);
        return created?.Id is { Length: > 0 } id
            ? new CreatedSubscription(id, created.ExpirationDateTime ?? request.ExpiresAt)
            : throw new InvalidOperationException("Graph created a subscription but returned no id.");
    }

    public async Task DeleteAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await clients.ForTenant(tenantId).Subscriptions[subscriptionId].DeleteAsync(cancellationToken: cancellationToken);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            // Already gone at Graph: the goal of the call is met.
        }
    }
}
