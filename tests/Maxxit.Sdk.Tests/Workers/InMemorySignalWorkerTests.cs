using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Testing.Workers;

namespace Maxxit.Sdk.Tests.Workers;

public sealed class InMemorySignalWorkerTests : SignalWorkerContractTests
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => Task.FromResult<IMaxxitStore>(new InMemoryMaxxitStore());
}
