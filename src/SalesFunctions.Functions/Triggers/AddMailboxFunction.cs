using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.AddMailbox. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class AddMailboxFunction(MailboxOnboarding onboarding)
{
    [Function(nameof(FunctionRegistry.AddMailbox))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AddMailbox)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        await JsonBody.ReadAsync<MailboxRegistration>(request, cancellationToken) is { } registration
            ? await AdminEndpoints.AddMailboxAsync(tenantId, registration, onboarding, cancellationToken)
            : JsonBody.Invalid<MailboxRegistration>();
}
