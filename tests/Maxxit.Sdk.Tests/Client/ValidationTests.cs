using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Client;

public sealed class ValidationTests
{
    private static readonly string Good = TestServices.Wallet(1);

    public static TheoryData<CreateAgentRequest, string> BadAgents => new()
    {
        { new CreateAgentRequest { CreatorWallet = "0xYourWallet", Name = "a" }, "CreateAgentRequest.CreatorWallet" },
        { new CreateAgentRequest { CreatorWallet = "0x123", Name = "a" }, "CreateAgentRequest.CreatorWallet" },
        { new CreateAgentRequest { CreatorWallet = null, Name = "a" }, "CreateAgentRequest.CreatorWallet" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "  " }, "CreateAgentRequest.Name" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = new string('n', 101) }, "CreateAgentRequest.Name" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "a", Weights = new AgentWeights(1.5m, 0m) }, "CreateAgentRequest.Weights.X" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "a", Weights = new AgentWeights(0.5m, -0.1m) }, "CreateAgentRequest.Weights.Research" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "a", Weights = new AgentWeights(0m, 0m) }, "CreateAgentRequest.Weights" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "a", ProfitReceiverAddress = "nope" }, "CreateAgentRequest.ProfitReceiverAddress" },
    };

    [Theory]
    [MemberData(nameof(BadAgents))]
    public async Task Bad_agent_input_names_the_field_and_writes_nothing(CreateAgentRequest request, string field)
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var error = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.CreateAgentAsync(request));
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.Empty(await client.ListAgentsAsync());
    }

    private static readonly GenerateSignalRequest GoodSignal = new()
    {
        TokenSymbol = "ETH", Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(25m), RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.8m,
    };

    public static TheoryData<GenerateSignalRequest, string> BadSignals => new()
    {
        { GoodSignal with { TokenSymbol = "" }, "GenerateSignalRequest.TokenSymbol" },
        { GoodSignal with { TokenSymbol = "ET H" }, "GenerateSignalRequest.TokenSymbol" },
        { GoodSignal with { TokenSymbol = "ETH$" }, "GenerateSignalRequest.TokenSymbol" },
        { GoodSignal with { Side = (TradeSide)7 }, "GenerateSignalRequest.Side" },
        { GoodSignal with { Side = null }, "GenerateSignalRequest.Side" },
        { GoodSignal with { SizeModel = null }, "GenerateSignalRequest.SizeModel" },
        { GoodSignal with { SizeModel = SizeModel.PercentOf(0m) }, "GenerateSignalRequest.SizeModel.Value" },
        { GoodSignal with { SizeModel = SizeModel.PercentOf(100.01m) }, "GenerateSignalRequest.SizeModel.Value" },
        { GoodSignal with { RiskModel = null }, "GenerateSignalRequest.RiskModel" },
        { GoodSignal with { RiskModel = RiskModel.Trailing(0m) }, "GenerateSignalRequest.RiskModel.Stop" },
        { GoodSignal with { RiskModel = RiskModel.Trailing(1m) }, "GenerateSignalRequest.RiskModel.Stop" },
        { GoodSignal with { RiskModel = new RiskModel.TrailingStop(0.03m, TakeProfit: 0m) }, "GenerateSignalRequest.RiskModel.TakeProfit" },
        { GoodSignal with { RiskModel = new RiskModel.TrailingStop(0.03m, TakeProfit: 10.5m) }, "GenerateSignalRequest.RiskModel.TakeProfit" },
        { GoodSignal with { RiskModel = new RiskModel.TrailingStop(0.03m, StopLoss: 1m) }, "GenerateSignalRequest.RiskModel.StopLoss" },
        { GoodSignal with { RiskModel = new RiskModel.StopLoss(-0.05m) }, "GenerateSignalRequest.RiskModel.Stop" },
        { GoodSignal with { RiskModel = new RiskModel.StopLoss(0.05m, TakeProfit: -1m) }, "GenerateSignalRequest.RiskModel.TakeProfit" },
        { GoodSignal with { RiskModel = new RiskModel.TakeProfit(0m) }, "GenerateSignalRequest.RiskModel.Target" },
        { GoodSignal with { RiskModel = new RiskModel.TakeProfit(11m) }, "GenerateSignalRequest.RiskModel.Target" },
        { GoodSignal with { RiskModel = new RiskModel.TakeProfit(0.2m, StopLoss: 1.5m) }, "GenerateSignalRequest.RiskModel.StopLoss" },
        { GoodSignal with { Confidence = 1.01m }, "GenerateSignalRequest.Confidence" },
        { GoodSignal with { Confidence = -0.1m }, "GenerateSignalRequest.Confidence" },
        { GoodSignal with { Confidence = null }, "GenerateSignalRequest.Confidence" },
        { GoodSignal with { SourceTweets = [""] }, "GenerateSignalRequest.SourceTweets" },
        { GoodSignal with { SourceResearch = [new string('r', 101)] }, "GenerateSignalRequest.SourceResearch" },
    };

    [Theory]
    [MemberData(nameof(BadSignals))]
    public async Task Bad_signal_input_names_the_member_path_and_writes_nothing(GenerateSignalRequest request, string field)
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 0);
        var error = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.GenerateSignalAsync(request with { AgentId = agent.Id }));
        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + ": ", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetOverviewAsync()).Signals);
    }

    public static TheoryData<RiskModel> GoodRiskModels => new()
    {
        RiskModel.Trailing(0.03m),
        new RiskModel.TrailingStop(0.03m, TakeProfit: 0.2m),
        new RiskModel.TrailingStop(0.03m, StopLoss: 0.05m),
        new RiskModel.TrailingStop(0.03m, 10m, 0.99m),
        new RiskModel.StopLoss(0.05m),
        new RiskModel.StopLoss(0.05m, TakeProfit: 0.1m),
        new RiskModel.TakeProfit(0.1m),
        new RiskModel.TakeProfit(10m, StopLoss: 0.05m),
    };

    [Theory]
    [MemberData(nameof(GoodRiskModels))]
    public async Task Every_risk_model_with_distances_in_range_is_stored_as_given(RiskModel risk)
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 0);
        var signal = await client.GenerateSignalAsync(GoodSignal with { AgentId = agent.Id, RiskModel = risk, TokenSymbol = "eth" });
        Assert.Equal(risk, signal.RiskModel);
        Assert.Equal("ETH", signal.TokenSymbol);
        Assert.Equal(1, (await client.GetOverviewAsync()).Signals);
    }

    [Fact]
    public async Task Bad_deploy_and_query_input_names_the_member_path()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 0);
        async Task<string> FieldOf(Func<Task> call) => (await Assert.ThrowsAsync<MaxxitValidationException>(call)).Field;

        Assert.Equal("DeployAgentRequest.AgentId", await FieldOf(() => client.DeployAgentAsync(new DeployAgentRequest { UserWallet = Good })));
        Assert.Equal("DeployAgentRequest.UserWallet", await FieldOf(() => client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id })));
        Assert.Equal("DeployAgentRequest.AgentWallets[HYPERLIQUID].Address", await FieldOf(() => client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id, UserWallet = Good, AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Hyperliquid] = new() { Address = "0x12" } },
        })));
        Assert.Equal("DeployAgentRequest.AgentWallets[OSTIUM].PrivateKey", await FieldOf(() => client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id, UserWallet = Good, AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Ostium] = new() { Address = TestServices.Wallet(9), PrivateKey = "0x1234" } },
        })));
        Assert.Equal("AgentQuery.CreatorWallet", await FieldOf(() => client.ListAgentsAsync(new AgentQuery(CreatorWallet: "0xnope"))));
        Assert.Equal("RoutingHistoryQuery.TokenSymbol", await FieldOf(() => client.GetRoutingHistoryAsync(new RoutingHistoryQuery(TokenSymbol: "E$H"))));
        Assert.Equal("signalId", await FieldOf(() => client.ExecuteTradeAsync(Guid.Empty)));
        Assert.Equal("deploymentId", await FieldOf(() => client.UpdateDeploymentPolicyAsync(Guid.Empty, null)));
        Assert.Equal("RoutingConfig.VenuePriority", await FieldOf(() => client.SetRoutingConfigAsync(new RoutingConfig { VenuePriority = [] })));
        Assert.Equal("RoutingConfig.Strategy", await FieldOf(() => client.SetRoutingConfigAsync(new RoutingConfig { VenuePriority = [Venue.Hyperliquid], Strategy = (RoutingStrategy)9 })));
        Assert.Equal(0, (await client.GetOverviewAsync()).Deployments);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_duplicates_conflict()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var signal = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = Guid.NewGuid(), TokenSymbol = "ETH", Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(25m), RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.8m,
        }));
        Assert.Equal("GenerateSignalRequest.AgentId", signal.Field);
        var deploy = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => client.DeployAgentAsync(new DeployAgentRequest { AgentId = Guid.NewGuid(), UserWallet = Good }));
        Assert.Equal("DeployAgentRequest.AgentId", deploy.Field);
        var update = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => client.UpdateDeploymentPolicyAsync(Guid.NewGuid(), null));
        Assert.Equal("deploymentId", update.Field);

        var (agent, deployments) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var conflict = await Assert.ThrowsAsync<MaxxitConflictException>(() => client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = deployments[0].UserWallet }));
        Assert.Equal("DeployAgentRequest.UserWallet", conflict.Field);
        Assert.Equal(1, (await client.GetOverviewAsync()).Deployments);
        var badWallet = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = "0xabc" }));
        Assert.Equal("DeployAgentRequest.UserWallet", badWallet.Field);
        var badLimit = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.GetRoutingHistoryAsync(new RoutingHistoryQuery(Limit: 0)));
        Assert.Equal("RoutingHistoryQuery.Limit", badLimit.Field);
    }

    [Fact]
    public async Task Agents_list_by_creator_and_status()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = TestServices.Wallet(1), Name = "a" });
        await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = TestServices.Wallet(2), Name = "b", Status = AgentStatus.Paused });
        Assert.Equal(["a"], (await client.ListAgentsAsync(new AgentQuery(CreatorWallet: TestServices.Wallet(1)))).Select(a => a.Name));
        Assert.Equal(["b"], (await client.ListAgentsAsync(new AgentQuery(Status: AgentStatus.Paused))).Select(a => a.Name));
    }
}
