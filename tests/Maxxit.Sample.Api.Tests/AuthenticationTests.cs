using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sample.Api.Tests;

public sealed class AuthenticationTests
{
    private static readonly string ApiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("http://0.0.0.0:5000")]
    [InlineData("http://+:5000")]
    [InlineData("http://*:5000")]
    [InlineData("http://[::]:5000")]
    [InlineData("http://192.168.1.20:5000")]
    [InlineData("http://127.0.0.1:5000;http://example.com:80")]
    public void A_non_loopback_binding_without_an_api_key_refuses_to_start(string urls)
    {
        var error = Assert.Throws<ApiStartupException>(() => ApiHost.Build(["--urls", urls]));

        Assert.Contains("without an operator API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("MAXXIT__API__APIKEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:5000,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrel_endpoints_count_too_and_a_key_lets_a_non_loopback_binding_build()
    {
        Assert.Throws<ApiStartupException>(() => ApiHost.Build(["--urls", "http://127.0.0.1:0", "--Kestrel:Endpoints:Public:Url", "http://0.0.0.0:5001"]));
        await using var app = ApiHost.Build(["--urls", "http://0.0.0.0:0", "--api-key", ApiKey]);
        Assert.NotNull(app);
        Assert.Throws<ApiStartupException>(() => ApiHost.Build(["--api-key", "short"]));
    }

    [Fact]
    public async Task On_loopback_without_a_key_it_runs_open_and_says_so_at_start()
    {
        var sink = new LogSink();
        await using var host = await Host.StartAsync([], sink);

        var created = await host.SendAsync(HttpMethod.Post, "/api/v3/agents/create", CreateAgent, apiKey: null);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Contains(sink.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("runs OPEN", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-wrong-key-wrong-key-wrong-key")]
    public async Task With_a_key_every_endpoint_refuses_requests_without_it_and_writes_nothing(string? presented)
    {
        await using var host = await Host.StartAsync(["--api-key", ApiKey]);

        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, "/api/v3/agents/list", null),
            (HttpMethod.Get, "/api/v3/stats/overview", null),
            (HttpMethod.Get, "/api/v3/stats/routing-history", null),
            (HttpMethod.Get, "/openapi/v1.json", null),
            (HttpMethod.Get, "/no/such/endpoint", null),
            (HttpMethod.Post, "/api/v3/agents/create", CreateAgent),
            (HttpMethod.Post, "/api/v3/agents/deploy", $$"""{"agent_id": "{{Guid.NewGuid()}}", "user_wallet": "{{Wallets.User}}"}"""),
            (HttpMethod.Post, "/api/v3/signals/generate", "{}"),
            (HttpMethod.Post, "/api/v3/execute/trade", $$"""{"signal_id": "{{Guid.NewGuid()}}"}"""),
            (HttpMethod.Put, $"/api/v3/deployments/{Guid.NewGuid()}/policy", "null"),
            (HttpMethod.Post, $"/api/v3/positions/{Guid.NewGuid()}/close", null),
        })
        {
            var answer = await host.SendAsync(method, path, body, presented);
            Assert.True(answer.Status == HttpStatusCode.Unauthorized, $"{method} {path}: {answer}");
            Assert.False(answer.Json.GetProperty("success").GetBoolean());
            Assert.DoesNotContain(ApiKey, answer.Body, StringComparison.Ordinal);
        }

        var overview = await host.SendAsync(HttpMethod.Get, "/api/v3/stats/overview", null, ApiKey);
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Equal(0, overview.Json.GetProperty("stats").GetProperty("agents").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Post, "/api/v3/agents/create", CreateAgent, ApiKey)).Status);
    }

    [Fact]
    public async Task With_a_key_the_dashboard_shell_loads_but_its_data_needs_the_key()
    {
        await using var host = await Host.StartAsync(["--api-key", ApiKey]);

        foreach (var path in new[] { "/", "/dashboard", "/dashboard/assets/dashboard.js" })
        {
            var shell = await host.SendAsync(HttpMethod.Get, path, null, apiKey: null);
            Assert.True(shell.Status == HttpStatusCode.OK, $"{path}: {shell.Status}");
            Assert.DoesNotContain("HYPERLIQUID", shell.Body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, "/api/v3/dashboard", null, apiKey: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, "/dashboard", "{}", apiKey: null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "/api/v3/dashboard", null, ApiKey)).Status);
    }

    [Fact]
    public async Task In_wallet_signature_mode_only_the_wallet_owner_can_deploy_change_the_policy_or_close()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Host.StartAsync(["--api-key", ApiKey, "--wallet-signatures", "true"], time: time);
        using var owner = EthereumKey.Generate();
        using var stranger = EthereumKey.Generate();
        var wallet = owner.Address.ToString();
        var agentId = (await host.SendAsync(HttpMethod.Post, "/api/v3/agents/create", CreateAgent, ApiKey)).Json.GetProperty("agent").GetProperty("id").GetGuid();
        var deploy = $$"""{"agent_id": "{{agentId}}", "user_wallet": "{{wallet}}", "hyperliquid_agent_address": "{{Wallets.HyperliquidAgent}}"}""";
        const string DeployPath = "/api/v3/agents/deploy";

        // Unsigned, signed by someone else, signed by the owner for another body, or out of the time window: 401, nothing written.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, DeployPath, deploy, ApiKey)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, DeployPath, deploy, ApiKey, Sign(stranger, wallet, "POST", DeployPath, deploy, time))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, DeployPath, deploy, ApiKey, Sign(owner, wallet, "POST", DeployPath, deploy.Replace(Wallets.HyperliquidAgent, Wallets.OstiumAgent), time))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, DeployPath, deploy, ApiKey, Sign(owner, wallet, "POST", DeployPath, deploy, time, skew: TimeSpan.FromMinutes(-6)))).Status);
        Assert.Equal(0, (await Overview(host)).GetProperty("deployments").GetInt32());

        var signed = Sign(owner, wallet, "POST", DeployPath, deploy, time);
        var deployed = await host.SendAsync(HttpMethod.Post, DeployPath, deploy, ApiKey, signed);
        Assert.Equal(HttpStatusCode.Created, deployed.Status);
        var deploymentId = deployed.Json.GetProperty("deployment").GetProperty("id").GetGuid();

        // The very same signed request again is a replay.
        var replay = await host.SendAsync(HttpMethod.Post, DeployPath, deploy, ApiKey, signed);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Contains("used already", replay.Body, StringComparison.Ordinal);

        var policyPath = $"/api/v3/deployments/{deploymentId}/policy";
        const string Policy = """{"min_confidence": 0.9}""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Put, policyPath, Policy, ApiKey, Sign(stranger, stranger.Address.ToString(), "PUT", policyPath, Policy, time))).Status);
        var updated = await host.SendAsync(HttpMethod.Put, policyPath, Policy, ApiKey, Sign(owner, wallet, "PUT", policyPath, Policy, time));
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(0.9m, updated.Json.GetProperty("deployment").GetProperty("policy").GetProperty("min_confidence").GetDecimal());

        // Open a position (signal and execution need only the API key), then close it.
        var signal = await host.SendAsync(HttpMethod.Post, "/api/v3/signals/generate", $$"""{"agent_id": "{{agentId}}", "token_symbol": "ETH", "side": "LONG", "size_model": {"type": "percentage", "value": 10}, "risk_model": {"type": "trailing-stop", "stop": 0.03}, "confidence": 0.95}""", ApiKey);
        var executed = await host.SendAsync(HttpMethod.Post, "/api/v3/execute/trade", $$"""{"signal_id": "{{signal.Json.GetProperty("signal").GetProperty("id").GetGuid()}}"}""", ApiKey);
        var positionId = executed.Json.GetProperty("position").GetProperty("id").GetGuid();
        var closePath = $"/api/v3/positions/{positionId}/close";
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, closePath, null, ApiKey, Sign(stranger, wallet, "POST", closePath, string.Empty, time))).Status);
        Assert.Equal(1, (await Overview(host)).GetProperty("open_positions").GetInt32());
        var closed = await host.SendAsync(HttpMethod.Post, closePath, null, ApiKey, Sign(owner, wallet, "POST", closePath, string.Empty, time));
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Equal("CLOSED", closed.Json.GetProperty("position").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Write_endpoints_are_rate_limited_per_client()
    {
        await using var host = await Host.StartAsync(["--writes-per-minute", "2"]);

        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Post, "/api/v3/agents/create", CreateAgent, null)).Status);
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Post, "/api/v3/agents/create", CreateAgent, null)).Status);
        var limited = await host.SendAsync(HttpMethod.Post, "/api/v3/agents/create", CreateAgent, null);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("too many write requests", limited.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "/api/v3/agents/list", null, null)).Status);
        Assert.Equal(2, (await Overview(host)).GetProperty("agents").GetInt32());
    }

    private static string CreateAgent => $$"""{"creator_wallet": "{{Wallets.Creator}}", "name": "Auth"}""";

    private static async Task<JsonElement> Overview(Host host) =>
        (await host.SendAsync(HttpMethod.Get, "/api/v3/stats/overview", null, ApiKey)).Json.GetProperty("stats");

    /// <summary>The documented message, signed with personal_sign (EIP-191), built here independently of the server's code.</summary>
    private static Dictionary<string, string> Sign(EthereumKey key, string wallet, string method, string path, string body, TimeProvider time, TimeSpan skew = default)
    {
        var timestamp = (time.GetUtcNow() + skew).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var message = $"Maxxit API request\n{method} {path}\nwallet: {wallet.ToLowerInvariant()}\ntimestamp: {timestamp}\nnonce: {nonce}\nbody-sha256: {bodyHash}";
        var bytes = Encoding.UTF8.GetBytes(message);
        var hash = Keccak256.Hash([.. Encoding.UTF8.GetBytes($"\u0019Ethereum Signed Message:\n{bytes.Length}"), .. bytes]);
        return new Dictionary<string, string>
        {
            ["X-Maxxit-Timestamp"] = timestamp,
            ["X-Maxxit-Nonce"] = nonce,
            ["X-Maxxit-Signature"] = key.Sign(hash).ToString(),
        };
    }

    private sealed class Host(WebApplication app, HttpClient http) : IAsyncDisposable
    {
        public static async Task<Host> StartAsync(string[] args, LogSink? sink = null, TimeProvider? time = null)
        {
            var app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--master-key", MasterKey, .. args], builder =>
            {
                if (sink is not null)
                {
                    builder.Logging.AddProvider(sink);
                }

                if (time is not null)
                {
                    builder.Services.AddSingleton(time);
                }
            });
            await app.StartAsync();
            return new Host(app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
        }

        public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, string? apiKey, IReadOnlyDictionary<string, string>? headers = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            if (apiKey is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
            }

            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.Add(name, value);
            }

            using var response = await http.SendAsync(request);
            return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType, []);
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

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
