using System.Net;
using System.Net.Sockets;
using Maxxit.Sdk.Agents;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Storage;

/// <summary>Reads are retried on connection errors; inserts are not, since a retry after a lost acknowledgement could write twice.</summary>
public sealed class TransientRetryTests
{
    [Fact]
    public async Task Reads_are_retried_and_inserts_are_not()
    {
        // A loopback port with nothing listening: every connection attempt fails, as during a failover.
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }

        await using var ds = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=x;Password=y;Timeout=2;Max Auto Prepare=8");
        var log = new CountingLoggerFactory();
        var store = new PostgresStore(ds, new PostgresStoreOptions { ApplyMigrations = false, MaxRetryAttempts = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, log);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.GetAgentAsync(Guid.NewGuid(), CancellationToken.None));
        var readRetries = log.Warnings;
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.CreateAgentAsync(
            new Agent { Id = Guid.NewGuid(), CreatorWallet = "0x" + new string('a', 40), Name = "n", Weights = new AgentWeights(1m, 0m), CreatedAt = DateTimeOffset.UtcNow },
            CancellationToken.None));

        Assert.Equal(2, readRetries);
        Assert.Equal(2, log.Warnings);
    }

    private sealed class CountingLoggerFactory : ILoggerFactory, ILogger
    {
        private int warnings;

        public int Warnings => warnings;

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

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref warnings);
            }
        }
    }
}
