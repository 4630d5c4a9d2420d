using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.RemoveMailbox. Admin level: the Functions master key replaces the Host's x-admin-key.</summary>
public sealed class RemoveMailboxFunction(MailboxRemoval removal)
{
    [Function(nameof(FunctionRegistry.RemoveMailbox))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "admin/tenants/{tenantId}/mailboxes/{mailbox}")] HttpRequest request,
        string tenantId,
        string mailbox,
        CancellationToken cancellationToken) =>
        AdminEndpoints.RemoveMailboxAsync(tenantId, mailbox, removal, cancellationToken);
}
