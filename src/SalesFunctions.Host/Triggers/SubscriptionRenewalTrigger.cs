using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class SubscriptionRenewalTrigger(SubscriptionMaintenance maintenance) : ITimerTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.SubscriptionRenewal;

    public Task RunAsync(CancellationToken cancellationToken) => maintenance.RenewDueAsync(cancellationToken);
}
