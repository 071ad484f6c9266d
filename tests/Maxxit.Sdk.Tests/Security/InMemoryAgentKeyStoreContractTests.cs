using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Testing.Security;

namespace Maxxit.Sdk.Tests.Security;

public sealed class InMemoryAgentKeyStoreContractTests : AgentKeyStoreContractTests
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => Task.FromResult<IMaxxitStore>(new InMemoryMaxxitStore());
}
