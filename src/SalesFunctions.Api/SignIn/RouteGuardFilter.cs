using SalesFunctions.Api.Functions;

namespace SalesFunctions.Api.SignIn;

/// <summary>The Host's endpoint filter around <see cref="RouteGuard"/>: every mapped function gets one.</summary>
public sealed class RouteGuardFilter(RouteGuard guard, FunctionDefinition function) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await guard.AuthorizeAsync(context.HttpContext, function) ?? await next(context);
}
