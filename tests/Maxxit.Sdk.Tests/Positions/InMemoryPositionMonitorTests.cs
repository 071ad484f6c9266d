using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Testing.Positions;

namespace Maxxit.Sdk.Tests.Positions;

public sealed class InMemoryPositionMonitorTests : PositionMonitorContractTests
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => Task.FromResult<IMaxxitStore>(new InMemoryMaxxitStore());
}
