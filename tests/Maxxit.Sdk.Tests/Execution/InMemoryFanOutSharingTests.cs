using Maxxit.Sdk.DependencyInjection;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Testing.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Execution;

/// <summary>The fan-out sharing contract on hosts sharing one in-memory store and one fake clock.</summary>
public sealed class InMemoryFanOutSharingTests : FanOutSharingContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly InMemoryMaxxitStore _store = new();

    public InMemoryFanOutSharingTests() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

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

    protected override async Task LapseLeasesAsync()
    {
        // In steps, so that the owner's heartbeat keeps renewing its claim on the signal while the item leases lapse.
        for (var i = 0; i < 8; i++)
        {
            Time!.Advance(Lease / 6);
            await Task.Delay(10);
        }
    }
}
