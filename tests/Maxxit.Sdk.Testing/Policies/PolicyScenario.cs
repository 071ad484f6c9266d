using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues.Paper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Testing.Policies;

/// <summary>
/// The whole SDK on a given store, paper venues (account value 10 000 USD, default leverage 2) and a fake clock starting
/// Monday 2 November 2026 10:00 UTC: create agents, deploy them with policies, and trade signals through the client.
/// </summary>
public sealed class PolicyScenario : IAsyncDisposable
{
    /// <summary>Every paper wallet's account value.</summary>
    public const decimal AccountValue = 10_000m;

    private static int _wallets;
    private readonly ServiceProvider _services;

    private PolicyScenario(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
        Client = services.GetRequiredService<IMaxxitClient>();
        Store = services.GetRequiredService<IMaxxitStore>();
        Prices = services.GetRequiredService<PaperPriceFeed>();
    }

    public FakeTimeProvider Time { get; }

    public IMaxxitClient Client { get; }

    public IMaxxitStore Store { get; }

    public PaperPriceFeed Prices { get; }

    public IServiceProvider Services => _services;

    public static PolicyScenario Create(IMaxxitStore store, Action<MaxxitBuilder>? configure = null, Action<MaxxitOptions>? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        var builder = services.AddMaxxitV3(o =>
        {
            o.PaperAccountValueUsd = AccountValue;
            o.DefaultLeverage = 2m;
            options?.Invoke(o);
        }).UseStore(_ => store);
        configure?.Invoke(builder);
        return new PolicyScenario(services.BuildServiceProvider(), time);
    }

    public Task<Agent> AgentAsync() => Client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = Wallet(), Name = "Policy test agent" });

    public Task<AgentDeployment> DeployAsync(Guid agentId, DeploymentPolicy? policy) =>
        Client.DeployAgentAsync(new DeployAgentRequest { AgentId = agentId, UserWallet = Wallet(), Policy = policy });

    public Task<Signal> SignalAsync(Guid agentId, string token, decimal sizePercent = 20m, decimal confidence = 0.8m, TradeSide side = TradeSide.Long) =>
        Client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agentId,
            TokenSymbol = token,
            Side = side,
            SizeModel = SizeModel.PercentOf(sizePercent),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = confidence,
        });

    /// <summary>Generates a signal and executes it.</summary>
    public async Task<ExecutionResult> TradeAsync(Guid agentId, string token, decimal sizePercent = 20m, decimal confidence = 0.8m, TradeSide side = TradeSide.Long)
    {
        var signal = await SignalAsync(agentId, token, sizePercent, confidence, side);
        return await Client.ExecuteTradeAsync(signal.Id);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static string Wallet() => "0x" + Interlocked.Increment(ref _wallets).ToString("x40");
}
