using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.RemoveMailbox. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class RemoveMailboxFunction(MailboxRemoval removal)
{
    [Function(nameof(FunctionRegistry.RemoveMailbox))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.RemoveMailbox)] HttpRequest request,
        string tenantId,
        string mailbox,
        CancellationToken cancellationToken) =>
        AdminEndpoints.RemoveMailboxAsync(tenantId, mailbox, removal, cancellationToken);
}
