using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests;

public sealed class FunctionRegistryTests
{
    [Fact]
    public void All_WhenListed_HaveUniqueNamesAndCompleteTriggerSettings()
    {
        Assert.Equal(FunctionRegistry.All.Count, FunctionRegistry.All.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Queue), f => Assert.Contains(f.Queue, QueueNames.All));
        Assert.All(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Timer), f => Assert.False(string.IsNullOrEmpty(f.ScheduleSetting)));
        Assert.All(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http), f => Assert.NotEmpty(f.Methods!));
        Assert.All(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http), f => Assert.NotNull(f.Handler));
        var routes = FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http).SelectMany(f => f.Methods!.Select(m => $"{m} {f.Route}")).ToList();
        Assert.Equal(routes.Count, routes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void All_WhenQueuesListed_EveryQueueHasOneConsumer() =>
        Assert.Equal(QueueNames.All.Order(), FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Queue).Select(f => f.Queue!).Order());

    [Fact]
    public void Constants_WhenCompared_NameEachRegistryEntryOfTheirKindOnce()
    {
        // The Functions app's attributes name these constants; one that no entry uses would be a route nobody maps.
        Assert.Equal(Constants(typeof(Routes)), FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http).Select(f => (f.Name, f.Route!)).Order());
        Assert.Equal(Constants(typeof(ScheduleSettings)), FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Timer).Select(f => (f.Name, f.ScheduleSetting!)).Order());
    }

    [Fact]
    public void FunctionsReadme_WhenItsTableIsRead_ListsEveryRegistryEntryWithItsTriggerAndAccessRule()
    {
        var rows = File.ReadAllLines(Path.Combine(Fixtures.RepositoryRoot, "src", "SalesFunctions.Functions", "README.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => FunctionRegistry.All.Any(f => f.Name == cells[1])).ToDictionary(cells => cells[1], cells => cells[2]);
        Assert.Equal(FunctionRegistry.All.Select(f => f.Name).Order(), rows.Keys.Order());
        foreach (var function in FunctionRegistry.All)
        {
            var expected = function.Trigger switch
            {
                TriggerKind.Http => $"HTTP {function.Methods![0]} `api/{function.Route}` ({function.Access.ToString()!.ToLowerInvariant()})",
                TriggerKind.Queue => $"queue `{function.Queue}`",
                _ => $"timer `%{function.ScheduleSetting}%`",
            };
            Assert.StartsWith(expected, rows[function.Name], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SecurityDoc_WhenItsTableIsRead_ListsEveryHttpRouteWithItsAccessRule()
    {
        var rows = File.ReadAllLines(Path.Combine(Fixtures.RepositoryRoot, "docs", "security.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => FunctionRegistry.All.Any(f => f.Name == cells[1])).ToDictionary(cells => cells[1], cells => (Route: cells[2], Access: cells[3]));
        var http = FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http).ToList();

        Assert.Equal(http.Select(f => f.Name).Order(), rows.Keys.Order());
        Assert.All(http, f => Assert.Equal(($"{f.Methods![0]} `api/{f.Route}`", f.Access.ToString()!.ToLowerInvariant()), rows[f.Name]));
    }

    private static IOrderedEnumerable<(string Name, string Value)> Constants(Type type) =>
        type.GetFields().Where(f => f.IsLiteral).Select(f => (f.Name, (string)f.GetRawConstantValue()!)).Order();
}
