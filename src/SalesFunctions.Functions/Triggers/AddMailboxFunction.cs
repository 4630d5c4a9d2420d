using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.AddMailbox. Admin level: the Functions master key replaces the Host's x-admin-key.</summary>
public sealed class AddMailboxFunction(MailboxOnboarding onboarding)
{
    [Function(nameof(FunctionRegistry.AddMailbox))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = Routes.AddMailbox)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        await JsonBody.ReadAsync<MailboxRegistration>(request, cancellationToken) is { } registration
            ? await AdminEndpoints.AddMailboxAsync(tenantId, registration, onboarding, cancellationToken)
            : JsonBody.Invalid<MailboxRegistration>();
}
