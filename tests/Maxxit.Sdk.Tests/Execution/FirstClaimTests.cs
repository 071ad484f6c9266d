using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Execution;

/// <summary>A new signal is decided before it is claimed: nothing may be written until the claim is held.</summary>
public sealed class FirstClaimTests
{
    [Fact]
    public async Task A_decision_that_fails_before_the_claim_writes_nothing_and_leaves_the_signal_pending()
    {
        var policy = new FailingOncePolicy();
        using var sp = TestServices.Build(b => b.Services.AddSingleton<Maxxit.Sdk.Policies.IPolicyLayer>(policy));
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 3);
        var signal = await TestServices.SignalAsync(client, agent.Id, "ETH");
        var executor = sp.GetRequiredService<ITradeExecutor>();
        var store = sp.GetRequiredService<IMaxxitStore>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => executor.ExecuteAsync(signal.Id, default));

        var untouched = (await store.GetSignalAsync(signal.Id, default))!;
        Assert.Equal(SignalStatus.Pending, untouched.Status);
        Assert.Equal(0, untouched.Fence);
        Assert.Empty(await store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id), default));
        Assert.Equal(0, (await store.GetRoutingHistoryAsync(new Maxxit.Sdk.Stats.RoutingHistoryQuery(), default)).Summary.Total);

        // Nothing to lapse: the next run claims it at once.
        var result = await executor.ExecuteAsync(signal.Id, default);
        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Equal(1, (await store.GetSignalAsync(signal.Id, default))!.Fence);
    }

    /// <summary>Throws on its first evaluation (a bug, a dependency down), then accepts everything.</summary>
    private sealed class FailingOncePolicy : Maxxit.Sdk.Policies.IPolicyLayer
    {
        private int _calls;

        public ValueTask<Maxxit.Sdk.Policies.PolicyDecision> EvaluateAsync(Maxxit.Sdk.Policies.PolicyContext context, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("policy backend unavailable")
                : ValueTask.FromResult(Maxxit.Sdk.Policies.PolicyDecision.Accept(context.Intent));
    }
}
