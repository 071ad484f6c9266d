using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Benchmarks.Execution;

/// <summary>
/// One signal fanned out to 1,000 deployments on a paper venue that answers each order after 50 ms, against the floor
/// set by the configured parallelism in the same run: ceil(1,000 / P) rounds of P parallel 50 ms waits.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FanOutBenchmarks
{
    private const int Deployments = 1_000;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);
    private ServiceProvider _services = null!;
    private IMaxxitClient _client = null!;
    private ITradeExecutor _executor = null!;
    private Guid _agentId;
    private Guid _signalId;

    /// <summary>Orders in flight per venue (16 is the default).</summary>
    [Params(16, 64)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3(o =>
        {
            o.MaxOrdersInFlightPerVenue = Parallelism;
            o.PaperBehavior.Latency = Latency;
        });
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IMaxxitClient>();
        _executor = _services.GetRequiredService<ITradeExecutor>();
        var agent = await _client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x" + new string('a', 40), Name = "Copy Leader" });
        _agentId = agent.Id;
        for (var i = 0; i < Deployments; i++)
        {
            await _client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = "0x" + (i + 1).ToString("x40") });
        }
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _services.DisposeAsync();

    [IterationSetup]
    public void NewSignal() => _signalId = _client.GenerateSignalAsync(new GenerateSignalRequest
    {
        AgentId = _agentId, TokenSymbol = "ETH", Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(10m), RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.9m,
    }).GetAwaiter().GetResult().Id;

    [Benchmark(Baseline = true, Description = "floor: ceil(1000/P) rounds of P parallel 50 ms waits")]
    public async Task Floor()
    {
        for (var done = 0; done < Deployments; done += Parallelism)
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Min(Parallelism, Deployments - done)).Select(_ => Task.Delay(Latency)));
        }
    }

    [Benchmark(Description = "fan-out of 1 signal to 1,000 deployments")]
    public async Task<int> FanOut()
    {
        var result = await _executor.ExecuteAsync(_signalId, CancellationToken.None);
        return result.Deployments.Count(d => d.Outcome == DeploymentOutcome.Opened) == Deployments
            ? Deployments
            : throw new InvalidOperationException($"only {result.Deployments.Count(d => d.Outcome == DeploymentOutcome.Opened)} opened: {result.Reason}");
    }
}
