using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Maxxit.Sdk.Testing.Security;

namespace Maxxit.Sdk.Postgres.Tests.Security;

/// <summary>The agent-key contract against the Postgres store (key id columns of migration 004), each test in a fresh schema.</summary>
public sealed class PostgresAgentKeyStoreContractTests(PostgresDatabaseFixture database) : AgentKeyStoreContractTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => FreshSchema.StoreAsync(database.DataSource, "keys");
}
