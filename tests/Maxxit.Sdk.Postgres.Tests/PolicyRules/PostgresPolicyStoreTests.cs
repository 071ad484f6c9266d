using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Policies;
using Maxxit.Sdk.Testing.Postgres;

namespace Maxxit.Sdk.Postgres.Tests.PolicyRules;

/// <summary>The stateful policy rules (cooldown, daily cap, exposure, records by rule), unchanged, on Postgres.</summary>
public sealed class PostgresPolicyStoreTests(PostgresDatabaseFixture database) : PolicyStoreContractTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override Task<IMaxxitStore> CreateStoreAsync() => FreshSchema.StoreAsync(database.DataSource, "policy");
}
