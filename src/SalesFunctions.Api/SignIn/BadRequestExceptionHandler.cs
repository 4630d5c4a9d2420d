using Microsoft.AspNetCore.Diagnostics;

namespace SalesFunctions.Api.SignIn;

/// <summary>
/// A request the server itself refused while a handler read it (a body over the route's cap: 413; a malformed or
/// truncated body: 400) is the caller's error, answered with its status and a problem body, never a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The body is larger than this route accepts (docs/security.md)."
                    : "The request could not be read.",
            },
        });
    }
}
