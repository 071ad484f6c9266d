using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Tests.Sources;

/// <summary>Keeps every log line (level and formatted message, exception included) for assertions.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public string All => string.Join("\n", Lines.Select(l => l.Message));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? string.Empty : " | " + exception)));
}
