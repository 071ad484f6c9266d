using Microsoft.Extensions.Logging;

namespace Maxxit.Sample.Console;

/// <summary>One category's logger writing through the shared <see cref="WorkerFileLoggerProvider"/>.</summary>
internal sealed class WorkerFileLogger(WorkerFileLoggerProvider provider, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            provider.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}
