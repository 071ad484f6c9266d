using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Testing.Storage;

namespace Maxxit.Sdk.Tests.Storage;

public sealed class InMemoryStoreContractTests : StoreContractTests
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => Task.FromResult<IMaxxitStore>(new InMemoryMaxxitStore());
}
