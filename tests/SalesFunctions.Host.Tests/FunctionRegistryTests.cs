using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Core.Tests;

public sealed class FunctionRegistryTests
{
    [Fact]
    public void All_WhenListed_HaveUniqueNamesAndCompleteTriggerSettings()
    {
        Assert.Equal(FunctionRegistry.All.Count, FunctionRegistry.All.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Queue), f => Assert.Contains(f.Queue, QueueNames.All));
        Assert.All(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Timer), f => Assert.False(string.IsNullOrEmpty(f.ScheduleSetting)));
        Assert.All(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http), f => Assert.NotEmpty(f.Methods!));
        var routes = FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http).SelectMany(f => f.Methods!.Select(m => $"{m} {f.Route}")).ToList();
        Assert.Equal(routes.Count, routes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void All_WhenQueuesListed_EveryQueueHasOneConsumer() =>
        Assert.Equal(QueueNames.All.Order(), FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Queue).Select(f => f.Queue!).Order());
}
