using System.Net;

namespace Maxxit.Sample.Api.Tests;

/// <summary>One server for the tests that do not count rows, with an agent, a deployment and a signal to point at.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public ApiServer Api { get; } = new();

    public Guid AgentId { get; private set; }

    public Guid DeploymentId { get; private set; }

    public Guid SignalId { get; private set; }

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        var agent = await Api.PostAsync("/api/v3/agents/create", $$"""{"creator_wallet": "{{Wallets.Creator}}", "name": "Shared"}""");
        Assert.Equal(HttpStatusCode.Created, agent.Status);
        AgentId = agent.Json.GetProperty("agent").GetProperty("id").GetGuid();
        var deployment = await Api.PostAsync("/api/v3/agents/deploy", $$"""{"agent_id": "{{AgentId}}", "user_wallet": "{{Wallets.User}}", "hyperliquid_agent_address": "{{Wallets.HyperliquidAgent}}"}""");
        Assert.Equal(HttpStatusCode.Created, deployment.Status);
        DeploymentId = deployment.Json.GetProperty("deployment").GetProperty("id").GetGuid();
        var signal = await QuickStart.GenerateAsync(Api, AgentId, "BTC");
        Assert.Equal(HttpStatusCode.Created, signal.Status);
        SignalId = signal.Json.GetProperty("signal").GetProperty("id").GetGuid();
    }

    public Task DisposeAsync() => Api.DisposeAsync();
}
