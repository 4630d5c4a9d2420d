using System.Text.RegularExpressions;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Graph;

public sealed partial class GraphSubscriptionClient(GraphServiceClients clients) : ISubscriptionClient
{
    public async Task<CreatedSubscription> CreateAsync(string tenantId, SubscriptionRequest request, CancellationToken cancellationToken)
    {
        Subscription? created;
        try
        {
            created = await Post(tenantId, request, cancellationToken);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 409)
        {
            // "Subscription Id <id> already exists for the requested combination"
            throw new SubscriptionConflictException("A subscription already exists for this resource.", e)
            {
                ExistingSubscriptionId = ExistingId().Match(e.Error?.Message ?? e.Message) is { Success: true } m ? m.Value : null,
            };
        }

        return created?.Id is { Length: > 0 } id
            ? new CreatedSubscription(id, created.ExpirationDateTime ?? request.ExpiresAt)
            : throw new InvalidOperationException("Graph created a subscription but returned no id.");
    }

    public async Task<CreatedSubscription?> RenewAsync(string tenantId, string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            var renewed = await clients.ForTenant(tenantId).Subscriptions[subscriptionId]
                .PatchAsync(new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: cancellationToken);
            return new CreatedSubscription(subscriptionId, renewed?.ExpirationDateTime ?? expiresAt);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    private Task<Subscription?> Post(string tenantId, SubscriptionRequest request, CancellationToken cancellationToken) =>
        clients.ForTenant(tenantId).Subscriptions.PostAsync(new Subscription
        {
            ChangeType = request.ChangeType,
            NotificationUrl = request.NotificationUrl.ToString(),
            LifecycleNotificationUrl = request.LifecycleNotificationUrl?.ToString(),
            Resource = request.Resource,
            ExpirationDateTime = request.ExpiresAt,
            ClientState = request.ClientState,
        }, cancellationToken: cancellationToken);

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

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex ExistingId();
}
