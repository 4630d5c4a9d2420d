using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using SalesFunctions.Api.Functions;
using SalesFunctions.Api.SignIn;

namespace SalesFunctions.Functions;

/// <summary>
/// The Functions app's lock on every HTTP function, the same <see cref="RouteGuard"/> the Host puts in front of each
/// endpoint: the bearer token through the JwtBearer handler, the caller's tenant and role, the registry's access rule.
/// The HTTP triggers are anonymous to the Functions host; App Service authentication may validate tokens in front,
/// but this is what enforces role and tenant.
/// </summary>
public sealed class SignInMiddleware(RouteGuard guard) : IFunctionsWorkerMiddleware
{
    private static readonly Dictionary<string, FunctionDefinition> HttpFunctions =
        FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http).ToDictionary(f => f.Name, StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (HttpFunctions.TryGetValue(context.FunctionDefinition.Name, out var function) && context.GetHttpContext() is { } http
            && await guard.AuthorizeAsync(http, function) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        await next(context);
    }
}
