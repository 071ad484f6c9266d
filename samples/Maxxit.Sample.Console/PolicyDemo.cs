using System.Globalization;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Maxxit.Sample.Console;

/// <summary>
/// Agent How: one agent deployed to two users with different policies. The same ETH signal is adjusted for the
/// conservative user (half size, leverage capped) and refused for the user who wants more confidence.
/// </summary>
public static class PolicyDemo
{
    public static async Task<ExecutionResult> RunAsync(IServiceProvider services, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredService<IMaxxitClient>();
        console.Write(new Rule("[bold]Agent How[/] — one signal, two users, two policies").LeftJustified());
        var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = "0x6666666666666666666666666666666666666666", Name = "Policy Demo" }, cancellationToken);
        var conservative = await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = "0x7777777777777777777777777777777777777777",
            Policy = new DeploymentPolicy { RiskPreference = RiskPreference.Conservative, MaxLeverage = 1m },
        }, cancellationToken);
        var picky = await client.DeployAgentAsync(new DeployAgentRequest
        {
            AgentId = agent.Id,
            UserWallet = "0x8888888888888888888888888888888888888888",
            Policy = new DeploymentPolicy { MinConfidence = 0.9m },
        }, cancellationToken);
        var signal = await client.GenerateSignalAsync(new GenerateSignalRequest
        {
            AgentId = agent.Id,
            TokenSymbol = "ETH",
            Side = TradeSide.Long,
            SizeModel = SizeModel.PercentOf(25m),
            RiskModel = RiskModel.Trailing(0.03m),
            Confidence = 0.85m,
        }, cancellationToken);
        var result = await client.ExecuteTradeAsync(signal.Id, cancellationToken);

        var table = new Table().Title("Policy outcomes for ETH LONG 25 %, confidence 0.85").AddColumns("User", "Policy", "Outcome", "What changed / why", "Position");
        foreach (var (deployment, label) in new[] { (conservative, "conservative, max leverage 1"), (picky, "min confidence 0.9") })
        {
            var outcome = result.Deployments.Single(d => d.DeploymentId == deployment.Id);
            var policy = outcome.Policy;
            var detail = policy?.Outcome == PolicyOutcome.Rejected
                ? $"{policy.RejectedBy}: {policy.Reason}"
                : string.Join("; ", policy?.Adjustments.Select(a => $"{a.Field} {a.From} → {a.To}") ?? []);
            table.AddRow(
                deployment.UserWallet[..10],
                label,
                policy?.Outcome.ToString().ToUpperInvariant() ?? "-",
                Markup.Escape(detail),
                outcome.Position is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.Venue.Name} {p.Quantity} @ {p.EntryPrice}, {p.SizePercent} % x{p.Leverage}") : "none");
        }

        console.Write(table);
        console.MarkupLine($"Signal status: [green]{result.Status.ToString().ToUpperInvariant()}[/] ({Markup.Escape(result.Reason ?? string.Empty)})");
        return result;
    }
}
