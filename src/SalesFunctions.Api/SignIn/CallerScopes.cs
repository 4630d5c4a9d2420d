using SalesFunctions.Core.Security;

namespace SalesFunctions.Api.SignIn;

/// <summary>The caller's scope that <see cref="RouteGuard"/> left on a request.</summary>
public static class CallerScopes
{
    public static CallerScope GetCallerScope(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(typeof(CallerScope), out var scope) && scope is CallerScope found
            ? found
            : throw new InvalidOperationException("No caller on this request: the route was mapped without its RouteGuard.");
    }
}
