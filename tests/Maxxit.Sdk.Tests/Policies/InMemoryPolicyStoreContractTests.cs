using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Testing.Policies;

namespace Maxxit.Sdk.Tests.Policies;

public sealed class InMemoryPolicyStoreContractTests : PolicyStoreContractTests
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => Task.FromResult<IMaxxitStore>(new InMemoryMaxxitStore());
}
