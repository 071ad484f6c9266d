using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Storage;

/// <summary>A store on a data source without automatic preparation says so once, at construction; with it, nothing.</summary>
public sealed class AutoPrepareWarningTests
{
    [Theory]
    [InlineData("Host=127.0.0.1", true)]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=32", false)]
    public async Task A_data_source_without_auto_prepare_is_reported(string connectionString, bool warned)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString + ";Password=s3cret-value");
        var logs = new CapturingLoggerFactory();

        _ = new PostgresStore(dataSource, loggerFactory: logs);

        var warnings = logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains("Max Auto Prepare", StringComparison.Ordinal)).ToList();
        Assert.Equal(warned ? 1 : 0, warnings.Count);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("s3cret-value", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
