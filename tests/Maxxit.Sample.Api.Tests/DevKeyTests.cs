using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sample.Api.Tests;

public sealed class DevKeyTests
{
    [Fact]
    public async Task Without_a_master_key_the_host_warns_and_uses_a_key_of_its_own()
    {
        var sink = new LogSink();
        await using var app = ApiHost.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder => builder.Logging.AddProvider(sink));
        await app.StartAsync();
        var triple = KeyTriple.Encrypt(Convert.ToBase64String(new byte[32]), Wallets.PrivateKey, "hyperliquid", Wallets.User, Wallets.HyperliquidAgent);
        try
        {
            Assert.Contains(sink.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("No master key configured", StringComparison.Ordinal));

            // The dev key is random: a triple made under any other key is refused.
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            var created = await http.PostAsync("/api/v3/agents/create", Json($$"""{"creator_wallet": "{{Wallets.Creator}}", "name": "Dev"}"""));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var agentId = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("agent").GetProperty("id").GetGuid();
            var body = $$"""
                {"agent_id": "{{agentId}}", "user_wallet": "{{Wallets.User}}", "hyperliquid_agent_address": "{{Wallets.HyperliquidAgent}}",
                 "hyperliquid_agent_key_encrypted": "{{triple["hyperliquid_agent_key_encrypted"]}}",
                 "hyperliquid_agent_key_iv": "{{triple["hyperliquid_agent_key_iv"]}}",
                 "hyperliquid_agent_key_tag": "{{triple["hyperliquid_agent_key_tag"]}}",
                 "hyperliquid_agent_key_id": "{{triple["hyperliquid_agent_key_id"]}}"}
                """;
            var refused = await http.PostAsync("/api/v3/agents/deploy", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("hyperliquid_agent_key_encrypted", await refused.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.StopAsync();
        }

        // Nothing logged carries the key material the request held.
        Assert.NotEmpty(sink.Entries);
        Assert.DoesNotContain(sink.Entries, e => triple.Values.Any(v => e.Message.Contains(v, StringComparison.Ordinal)));
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
