using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.DependencyInjection;

public sealed class UsePostgresTests
{
    [Fact]
    public async Task Host_start_migrates_and_every_store_interface_is_the_postgres_store()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("di_start");
        await using var sp = PostgresHosts.Build(db.ConnectionString, store: o => o.Schema = "maxxit");

        foreach (var hosted in sp.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var store = Assert.IsType<PostgresStore>(sp.GetRequiredService<IMaxxitStore>());
        Assert.Equal(32, new NpgsqlConnectionStringBuilder(store.DataSource.ConnectionString).MaxAutoPrepare);
        Assert.Same(store, sp.GetRequiredService<ISignalStore>());
        Assert.Same(store, sp.GetRequiredService<IExecutionStore>());
        Assert.Equal("maxxit", store.Schema);
        var report = await store.VerifyAsync(sp.GetRequiredService<Maxxit.Sdk.Markets.IMarketCatalog>());
        Assert.True(report.IsReady, report.ToString());
        // The paper catalog: at least 220 Hyperliquid perps and 41 Ostium pairs.
        Assert.True(report.MarketsPerVenue["HYPERLIQUID"] >= 220, report.ToString());
        Assert.True(report.MarketsPerVenue["OSTIUM"] >= 41, report.ToString());
        Assert.Contains("Market data available", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_host_the_first_call_migrates_and_the_flow_runs()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("di_lazy");
        await using var sp = PostgresHosts.Build(db.ConnectionString);
        var client = sp.GetRequiredService<IMaxxitClient>();

        var (agent, _) = await PostgresHosts.AgentWithDeploymentsAsync(client, 2);
        var eth = await client.ExecuteTradeAsync((await PostgresHosts.SignalAsync(client, agent.Id, "ETH")).Id);
        var xau = await client.ExecuteTradeAsync((await PostgresHosts.SignalAsync(client, agent.Id, "XAU")).Id);
        var none = await client.ExecuteTradeAsync((await PostgresHosts.SignalAsync(client, agent.Id, "XYZ")).Id);
        var history = await client.GetRoutingHistoryAsync();

        Assert.Equal(Venue.Hyperliquid, eth.FinalVenue);
        Assert.Equal(Venue.Ostium, xau.FinalVenue);
        Assert.Equal(Signals.SignalStatus.Skipped, none.Status);
        Assert.Equal("No venue available for XYZ. Checked: HYPERLIQUID, OSTIUM", none.Reason);
        Assert.Equal(6, history.Summary.Total);
        Assert.Equal(2, history.Summary.NoVenue);
        Assert.Equal(4, (await client.GetOverviewAsync()).Positions);
    }

    [Fact]
    public async Task Given_data_source_is_used_and_left_open_when_the_container_is_disposed()
    {
        await using var db = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("di_ds");
        await using var ds = db.CreateDataSource();
        var services = new ServiceCollection();
        services.AddMaxxitV3(o => o.MasterKey = PostgresHosts.TestMasterKey).UsePostgres(ds);
        await using (var sp = services.BuildServiceProvider())
        {
            Assert.Same(ds, ((PostgresStore)sp.GetRequiredService<IMaxxitStore>()).DataSource);
            await sp.GetRequiredService<IMaxxitStore>().GetOverviewAsync(CancellationToken.None);
        }

        Assert.Equal(1, await Db.ScalarAsync<int>(ds, "SELECT 1"));
    }

    [Fact]
    public void Auto_prepare_chosen_by_the_caller_is_kept()
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3(o => o.MasterKey = PostgresHosts.TestMasterKey).UsePostgres("Host=127.0.0.1;Max Auto Prepare=0;Password=secret");
        using var sp = services.BuildServiceProvider();
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(sp.GetRequiredService<PostgresStore>().DataSource.ConnectionString).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("", "connectionString")]
    [InlineData("Host=127.0.0.1;Port=notanumber;Password=hunter2", "connectionString")]
    public void Malformed_connection_string_is_rejected_without_echoing_it(string connectionString, string field)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => new ServiceCollection().AddMaxxitV3().UsePostgres(connectionString));
        Assert.Equal(field, error.Field);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad-schema", "Schema")]
    [InlineData("public", "MaxRetryAttempts")]
    public void Bad_options_are_rejected_naming_the_option(string schema, string field)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => new ServiceCollection().AddMaxxitV3()
            .UsePostgres("Host=127.0.0.1", o => { o.Schema = schema; o.MaxRetryAttempts = field == "MaxRetryAttempts" ? -1 : 3; }));
        Assert.Equal(field, error.Field);
    }
}
