using Microsoft.Extensions.Logging;

namespace SalesFunctions.Core.Traces;

/// <summary>
/// Records traces on the capture path. Best effort by design: a trace explains capture, so a failure to write one is
/// logged and never fails (or retries) the capture itself.
/// </summary>
public sealed partial class CaptureTracer(ITraceStore store, ILogger<CaptureTracer> logger)
{
    public async Task RecordAsync(IReadOnlyList<CaptureTrace> traces, CancellationToken cancellationToken)
    {
        if (traces.Count == 0)
        {
            return;
        }

        try
        {
            await store.WriteAsync(traces, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, traces.Count, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} capture traces ({ExceptionType}); capture goes on")]
    private static partial void LogFailed(ILogger logger, int count, string exceptionType);
}
