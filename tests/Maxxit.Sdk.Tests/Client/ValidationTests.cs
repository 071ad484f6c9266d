using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Client;

public sealed class ValidationTests
{
    private static readonly string Good = TestServices.Wallet(1);

    public static TheoryData<CreateAgentRequest, string> BadAgents => new()
    {
        { new CreateAgentRequest { CreatorWallet = "0xYourWallet", Name = "a" }, "creator_wallet" },
        { new CreateAgentRequest { CreatorWallet = "0x123", Name = "a" }, "creator_wallet" },
        { new CreateAgentRequest { CreatorWallet = null, Name = "a" }, "creator_wallet" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "  " }, "name" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = new string('n', 101) }, "name" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "a", Weights = new AgentWeights(1.5m, 0m) }, "weights.x" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "a", Weights = new AgentWeights(0.5m, -0.1m) }, "weights.research" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "a", Weights = new AgentWeights(0m, 0m) }, "weights" },
        { new CreateAgentRequest { CreatorWallet = Good, Name = "a", ProfitReceiverAddress = "nope" }, "profit_receiver_address" },
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

    public static TheoryData<string?, string?, decimal, decimal, decimal?, string> BadSignals => new()
    {
        { "", "LONG", 25m, 0.03m, 0.8m, "token_symbol" },
        { "ET H", "LONG", 25m, 0.03m, 0.8m, "token_symbol" },
        { "ETH$", "LONG", 25m, 0.03m, 0.8m, "token_symbol" },
        { "ETH", "BUY", 25m, 0.03m, 0.8m, "side" },
        { "ETH", null, 25m, 0.03m, 0.8m, "side" },
        { "ETH", "LONG", 0m, 0.03m, 0.8m, "size_model.value" },
        { "ETH", "LONG", 100.01m, 0.03m, 0.8m, "size_model.value" },
        { "ETH", "LONG", 25m, 0m, 0.8m, "risk_model.stop" },
        { "ETH", "LONG", 25m, 1m, 0.8m, "risk_model.stop" },
        { "ETH", "LONG", 25m, 0.03m, 1.01m, "confidence" },
        { "ETH", "LONG", 25m, 0.03m, -0.1m, "confidence" },
        { "ETH", "LONG", 25m, 0.03m, null, "confidence" },
    };

    [Theory]
    [MemberData(nameof(BadSignals))]
    public async Task Bad_signal_input_names_the_field_and_writes_nothing(string? token, string? side, decimal size, decimal stop, decimal? confidence, string field)
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var (agent, _) = await TestServices.AgentWithDeploymentsAsync(client, 0);
        var error = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agent.Id,
            TokenSymbol = token,
            Side = side,
            SizeModel = SizeModel.PercentOf(size),
            RiskModel = RiskModel.Trailing(stop),
            Confidence = confidence,
        }));
        Assert.Equal(field, error.Field);
        Assert.Equal(0, (await client.GetOverviewAsync()).Signals);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_duplicates_conflict()
    {
        using var sp = TestServices.Build();
        var client = sp.GetRequiredService<IMaxxitClient>();
        var signal = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = Guid.NewGuid(), TokenSymbol = "ETH", Side = "LONG", SizeModel = SizeModel.PercentOf(25m), RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.8m,
        }));
        Assert.Equal("agent_id", signal.Field);
        var deploy = await Assert.ThrowsAsync<MaxxitNotFoundException>(() => client.DeployAgentAsync(new DeployAgentRequest { AgentId = Guid.NewGuid(), UserWallet = Good }));
        Assert.Equal("agent_id", deploy.Field);

        var (agent, deployments) = await TestServices.AgentWithDeploymentsAsync(client, 1);
        var conflict = await Assert.ThrowsAsync<MaxxitConflictException>(() => client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = deployments[0].UserWallet }));
        Assert.Equal("user_wallet", conflict.Field);
        Assert.Equal(1, (await client.GetOverviewAsync()).Deployments);
        var badWallet = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.DeployAgentAsync(new DeployAgentRequest { AgentId = agent.Id, UserWallet = "0xabc" }));
        Assert.Equal("user_wallet", badWallet.Field);
        var badLimit = await Assert.ThrowsAsync<MaxxitValidationException>(() => client.GetRoutingHistoryAsync(new RoutingHistoryQuery(Limit: 0)));
        Assert.Equal("limit", badLimit.Field);
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
