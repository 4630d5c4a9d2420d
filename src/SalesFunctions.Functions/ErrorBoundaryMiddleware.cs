using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SalesFunctions.Functions;

/// <summary>
/// Turns an unhandled exception in an HTTP function into a 500 problem response without details. Queue and timer
/// invocations rethrow, so that the queue's retry and poison handling applies. Only the exception type is logged:
/// messages can carry addresses.
/// </summary>
public sealed partial class ErrorBoundaryMiddleware(ILogger<ErrorBoundaryMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            LogFailed(logger, context.FunctionDefinition.Name, context.InvocationId, e.GetType().Name);
            http.Response.Clear();
            await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The request could not be processed",
                extensions: new Dictionary<string, object?> { ["invocationId"] = context.InvocationId }).ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} invocation {InvocationId} failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string function, string invocationId, string exceptionType);
}
