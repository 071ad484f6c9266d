using Maxxit.Sample.Console;
using Maxxit.Sdk.Testing.Postgres;
using Npgsql;
using Spectre.Console;

namespace Maxxit.Sdk.Postgres.Tests.Sample;

/// <summary>The console sample's <c>--postgres</c> flow and <c>--verify</c> report against a real server.</summary>
public sealed class SampleOnPostgresTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Sample_flow_runs_on_postgres_and_verify_reports_ready()
    {
        var (exit, output) = await RunAsync(new SampleOptions { PostgresConnectionString = database.ConnectionString, MasterKey = PostgresHosts.TestMasterKey });
        Assert.Equal(0, exit);
        Assert.Contains("HYPERLIQUID: pair available", output);
        Assert.Contains("No venue available for XYZ", output);

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM positions_v3 WHERE venue = 'OSTIUM'", connection);
            Assert.True((long)(await count.ExecuteScalarAsync())! >= 4);
        }

        var (verifyExit, report) = await RunAsync(new SampleOptions { PostgresConnectionString = database.ConnectionString, MasterKey = PostgresHosts.TestMasterKey, Verify = true });
        Assert.Equal(0, verifyExit);
        Assert.Contains("6/6", report);
        Assert.Contains("V3 is ready to use.", report);
    }

    [Fact]
    public async Task The_postgres_flow_runs_again_and_again_on_the_same_database()
    {
        var options = new SampleOptions { PostgresConnectionString = database.ConnectionString, MasterKey = PostgresHosts.TestMasterKey };

        var (first, firstOutput) = await RunAsync(options);
        var (second, secondOutput) = await RunAsync(options);

        Assert.True(first == 0, firstOutput);
        Assert.True(second == 0, secondOutput);
        Assert.Contains("CLOSED TRAILING_STOP", secondOutput);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM agents_v3 WHERE name = 'Trailing Demo'", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 2);
    }

    [Fact]
    public async Task Postgres_without_a_master_key_is_refused_before_anything_is_written()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            RunAsync(new SampleOptions { PostgresConnectionString = database.ConnectionString, MasterKey = null }));
        Assert.Contains(error.Failures, f => f.StartsWith("MasterKey: required with a durable store", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_without_postgres_is_a_usage_error()
    {
        await Assert.ThrowsAsync<SampleUsageException>(() => RunAsync(new SampleOptions { Verify = true }));
    }

    private static async Task<(int Exit, string Output)> RunAsync(SampleOptions options)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 240;
        var exit = await SampleHost.RunAsync(options, console, default);
        return (exit, output.ToString());
    }
}
