using Maxxit.Sdk.Testing.Postgres;

namespace Maxxit.Sample.Api.Tests;

/// <summary>The same quick start with <c>--postgres</c>, on a throwaway local PostgreSQL database.</summary>
public sealed class PostgresQuickStartTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task The_original_quick_start_works_unchanged_with_postgres()
    {
        var api = new ApiServer(database.ConnectionString);
        await api.InitializeAsync();
        try
        {
            await QuickStart.RunAsync(api);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }
}
