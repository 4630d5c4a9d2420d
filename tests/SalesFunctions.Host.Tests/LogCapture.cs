using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SalesFunctions.Host.Tests;

/// <summary>
/// Every log line a Host under test writes, at the levels its configuration lets through (as in production), with the
/// exception text and the structured values, so that a test can scan them for personal data and secrets.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    /// <summary>The lines that hold any of <paramref name="values"/> (case-insensitive), each with the value it holds.</summary>
    public static List<string> Holding(IEnumerable<string> lines, IEnumerable<string> values)
    {
        var wanted = values.Where(v => v.Length >= 6).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return [.. from line in lines
                   from value in wanted
                   where line.Contains(value, StringComparison.OrdinalIgnoreCase)
                   select $"'{value}' in: {line}"];
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a sink such as Application Insights stores them next to the message.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
        }
    }
}
