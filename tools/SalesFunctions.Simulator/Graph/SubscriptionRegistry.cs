using System.Collections.Concurrent;
using System.Net;

namespace SalesFunctions.Simulator.Graph;

/// <summary>Subscriptions, created only after the endpoint passes Graph's validation handshake.</summary>
public sealed class SubscriptionRegistry(IHttpClientFactory httpClients, SimulatorOptions options)
{
    private readonly ConcurrentDictionary<string, SimSubscription> _subscriptions = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<SimSubscription> All => _subscriptions.Values.ToList();

    public SimSubscription? Find(string id) => _subscriptions.GetValueOrDefault(id);

    public bool Delete(string id) => _subscriptions.TryRemove(id, out _);

    public SimSubscription? Renew(string id, DateTimeOffset expiration) =>
        _subscriptions.TryGetValue(id, out var found) ? _subscriptions[id] = found with { ExpirationDateTime = expiration } : null;

    /// <summary>Graph's rules for POST /subscriptions; returns the subscription or (status, error code, message).</summary>
    public async Task<(SimSubscription? Created, HttpStatusCode Status, string? Code, string? Message)> CreateAsync(SubscriptionRequestBody body, CancellationToken cancellationToken)
    {
        if (body.Resource is null || body.NotificationUrl is null || body.ChangeType is null || body.ExpirationDateTime is null)
        {
            return (null, HttpStatusCode.BadRequest, "InvalidRequest", "resource, notificationUrl, changeType and expirationDateTime are required.");
        }

        if (body.ClientState is { Length: > 255 })
        {
            return (null, HttpStatusCode.BadRequest, "InvalidRequest", "clientState must be at most 255 characters.");
        }

        if (body.ExpirationDateTime > options.Clock.GetUtcNow().AddMinutes(options.MaxSubscriptionMinutes))
        {
            return (null, HttpStatusCode.BadRequest, "InvalidRequest", $"Subscription expiration can only be {options.MaxSubscriptionMinutes} minutes in the future.");
        }

        var duplicate = _subscriptions.Values.FirstOrDefault(s => s.Resource.Equals(body.Resource, StringComparison.OrdinalIgnoreCase)
            && s.ChangeType == body.ChangeType && s.NotificationUrl == body.NotificationUrl);
        if (duplicate is not null)
        {
            return (null, HttpStatusCode.Conflict, "ExtensionError", $"Subscription Id {duplicate.Id} already exists for the requested combination");
        }

        foreach (var url in new[] { body.NotificationUrl, body.LifecycleNotificationUrl }.OfType<string>())
        {
            if (!await ValidatesAsync(url, cancellationToken))
            {
                return (null, HttpStatusCode.BadRequest, "ValidationError", $"Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.");
            }
        }

        var subscription = new SimSubscription(Guid.NewGuid().ToString(), body.Resource, body.ChangeType, body.NotificationUrl,
            body.LifecycleNotificationUrl, body.ExpirationDateTime.Value, body.ClientState ?? string.Empty);
        _subscriptions[subscription.Id] = subscription;
        return (subscription, HttpStatusCode.Created, null, null);
    }

    /// <summary>
    /// The handshake: POST ?validationToken= (URL-encoded, opaque, with spaces and punctuation) as text/plain; the endpoint
    /// must answer 200, text/plain, with exactly the decoded token, within 10 seconds.
    /// </summary>
    private async Task<bool> ValidatesAsync(string url, CancellationToken cancellationToken)
    {
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()} & more";
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}{separator}validationToken={Uri.EscapeDataString(token)}")
            {
                Content = new StringContent(string.Empty, System.Text.Encoding.UTF8, "text/plain"),
            };
            using var response = await httpClients.CreateClient("notifications").SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.StatusCode == HttpStatusCode.OK
                && response.Content.Headers.ContentType?.MediaType == "text/plain"
                && body == token;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
