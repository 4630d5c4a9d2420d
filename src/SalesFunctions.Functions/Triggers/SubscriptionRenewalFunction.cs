using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Timer on app setting SubscriptionRenewalSchedule (FunctionRegistry.SubscriptionRenewal).</summary>
public sealed class SubscriptionRenewalFunction(SubscriptionMaintenance maintenance)
{
    [Function(nameof(FunctionRegistry.SubscriptionRenewal))]
    public Task Run([TimerTrigger("%" + ScheduleSettings.SubscriptionRenewal + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        maintenance.RenewDueAsync(cancellationToken);
}
