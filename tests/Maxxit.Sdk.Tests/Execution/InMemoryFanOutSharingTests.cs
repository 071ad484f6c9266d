using Maxxit.Sdk.Client;
using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Workers;
using Maxxit.Sdk.Testing.Execution;
using Maxxit.Sdk.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Execution;

/// <summary>The fan-out sharing contract on hosts sharing one in-memory store and one fake clock.</summary>
public sealed class InMemoryFanOutSharingTests : FanOutSharingContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly InMemoryMaxxitStore _store = new();

    public InMemoryFanOutSharingTests() => Time = new TimerSignalingTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    protected override ServiceProvider BuildHost(GatedVenue venue, int gate)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time!);
        services.AddMaxxitV3(o =>
        {
            o.MaxOrdersInFlightPerVenue = gate;
            o.SignalLease = Lease;
        }).UseStore(_ => _store).AddVenue(_ => venue);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    protected override Task LapseLeasesAsync()
    {
        // In steps, so that the owner's heartbeat keeps renewing its claim on the signal while the item leases lapse: the
        // heartbeat renews from its timer's callback, which the fake clock runs during Advance, and the in-memory store
        // answers at once, so each renewal is done before the next step.
        for (var i = 0; i < 8; i++)
        {
            Time!.Advance(Lease / 6);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_signal_worker_helps_with_another_hosts_wide_fan_out_each_cycle()
    {
        var venue = new GatedVenue();
        await using var owner = BuildHost(venue, Gate);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time!);
        services.AddMaxxitV3(o =>
        {
            o.MaxOrdersInFlightPerVenue = Gate;
            o.SignalLease = Lease;
        }).UseStore(_ => _store).AddVenue(_ => venue).AddSignalWorker(o => o.HelpWithFanOutOrders = 6);
        await using var workerHost = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var (agent, _) = await AgentWithDeploymentsAsync(owner.GetRequiredService<IMaxxitClient>(), 16);
        var signal = await SignalAsync(owner.GetRequiredService<IMaxxitClient>(), agent.Id);

        var executing = Task.Run(() => owner.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None));
        await venue.WaitForOrdersAsync(Gate);
        var cycle = Task.Run(() => workerHost.GetRequiredService<SignalWorker>().RunCycleAsync(CancellationToken.None));
        // The owner's gate holds 4 orders in flight, so only the worker's cycle can bring the venue to 8 (else this times out).
        await venue.WaitForOrdersAsync(Gate * 2);
        venue.Release(1000);
        Assert.Null((await cycle.WaitAsync(TimeSpan.FromSeconds(60))).Error);
        var result = await DriveAsync(executing);

        // Every order of the signal placed once, by the owner or the worker, and the signal completed by its owner.
        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Equal(16, venue.Orders.Count);
        Assert.Equal(16, venue.Orders.Distinct().Count());
        var positions = await _store.ListPositionsAsync(new PositionQuery(SignalId: signal.Id, Limit: 100), CancellationToken.None);
        Assert.All(positions, p => Assert.Equal(PositionStatus.Open, p.Status));
    }

    [Fact]
    public async Task A_helpers_order_that_is_out_longer_than_the_lease_is_not_taken_back_and_sent_again()
    {
        var venue = new GatedVenue();
        await using var owner = BuildHost(venue, Gate);
        await using var helper = BuildHost(venue, 1);
        var (agent, _) = await AgentWithDeploymentsAsync(owner.GetRequiredService<IMaxxitClient>(), Gate + 1);
        var signal = await SignalAsync(owner.GetRequiredService<IMaxxitClient>(), agent.Id);

        var executing = Task.Run(() => owner.GetRequiredService<ITradeExecutor>().ExecuteAsync(signal.Id, CancellationToken.None));
        await venue.WaitForOrdersAsync(Gate);
        var helping = Task.Run(() => Assert.IsAssignableFrom<IFanOutHelper>(helper.GetRequiredService<ITradeExecutor>()).HelpWithFanOutsAsync(1, CancellationToken.None));
        await venue.WaitForOrdersAsync(Gate + 1);

        // The owner's own four are answered, so it waits for the helper's; that order stays out for three leases. The
        // helper's heartbeat keeps the item, so the owner never takes it back to send it again.
        // Each step runs the helper's heartbeat (a timer callback, answered at once by the in-memory store); the next step
        // comes once the owner has looked at the held order again (it starts its next poll timer), unless it took the
        // order back and sent it again, which ends the steps and fails the test below.
        venue.Release(Gate);
        var resent = venue.WaitForOrdersAsync(Gate + 2);
        for (var i = 0; i < 18 && !resent.IsCompleted; i++)
        {
            var polled = Time!.NextTimerCreated;
            Time.Advance(Lease / 6);
            await Task.WhenAny(polled, resent).WaitAsync(TimeSpan.FromSeconds(30));
        }

        venue.Release(1000);
        var helped = Assert.Single(await helping);
        var result = await DriveAsync(executing);

        Assert.Equal(DeploymentOutcome.Opened, helped.Outcome);
        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Equal(Gate + 1, venue.Orders.Count);
        Assert.Single(venue.Orders, id => id == helped.Position!.ClientOrderId);
    }
}
