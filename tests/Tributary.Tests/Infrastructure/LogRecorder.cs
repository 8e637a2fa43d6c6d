using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Keeps the log lines of a test cluster at or above a level, so a test can print what the silo said when it fails
/// (the TestingHost writes no log files here).
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly LogLevel _minimum;

    /// <summary>Records lines at <paramref name="minimum"/> or above.</summary>
    public LogRecorder(LogLevel minimum = LogLevel.Warning) => _minimum = minimum;

    /// <summary>The lines recorded so far, oldest first: time, level, category, message and exception.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= recorder._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var fault = exception is null ? string.Empty : $" | {exception.GetType().Name}: {exception.Message}";
            recorder._lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{fault}");
        }
    }
}
