using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.RemoveMailbox. Admin level: the Functions master key replaces the Host's x-admin-key.</summary>
public sealed class RemoveMailboxFunction(MailboxRemoval removal)
{
    [Function(nameof(FunctionRegistry.RemoveMailbox))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = Routes.RemoveMailbox)] HttpRequest request,
        string tenantId,
        string mailbox,
        CancellationToken cancellationToken) =>
        AdminEndpoints.RemoveMailboxAsync(tenantId, mailbox, removal, cancellationToken);
}
