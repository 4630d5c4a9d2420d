using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Security;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Tests;

/// <summary>Both hosts serve exactly the functions of the one registry.</summary>
public sealed partial class FunctionRegistryCoverageTests() : HostTest
{
    [Fact]
    public void Host_WhenStarted_ServesEveryRegistryEntry()
    {
        var endpoints = Host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Route: e.RoutePattern.RawText?.TrimStart('/'),
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();
        foreach (var function in FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http))
        {
            var endpoint = Assert.Single(endpoints, e => e.Name == function.Name);
            Assert.Equal($"api/{function.Route}", endpoint.Route);
            Assert.Equal(function.Methods!, endpoint.Methods);
        }

        Assert.Equal(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Queue).Select(f => f.Name).Order(),
            Host.App.Services.GetServices<IQueueTrigger>().Select(t => t.Definition.Name).Order());
        Assert.Equal(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Timer).Select(f => f.Name).Order(),
            Host.App.Services.GetServices<ITimerTrigger>().Select(t => t.Definition.Name).Order());
    }

    [Fact]
    public void Registry_WhenARouteIsUnderAdmin_OpensItToAdminsOnly()
    {
        var adminRoutes = FunctionRegistry.All.Where(f => f.Route?.StartsWith("admin/", StringComparison.Ordinal) == true).ToList();

        Assert.NotEmpty(adminRoutes);
        Assert.All(adminRoutes, f => Assert.True(f.Access is RouteAccess.Admin or RouteAccess.Operator, $"{f.Name} is {f.Access}"));
        Assert.All(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http), f => Assert.NotNull(f.Access));
    }

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex RouteParameter();
}
