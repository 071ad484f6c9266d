using Maxxit.Sdk.DependencyInjection;

namespace Maxxit.Sdk.ExampleVenue;

/// <summary>The example venue's flow on the in-memory store.</summary>
public sealed class InMemoryExampleVenueTests : ExampleVenueFlow
{
    protected override Task<IAsyncDisposable?> UseStoreAsync(MaxxitBuilder builder) => Task.FromResult<IAsyncDisposable?>(null);
}
