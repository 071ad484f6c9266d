using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Testing.Stats;

namespace Maxxit.Sdk.Tests.Stats;

public sealed class InMemoryStatsContractTests : StatsContractTests
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => Task.FromResult<IMaxxitStore>(new InMemoryMaxxitStore());
}
