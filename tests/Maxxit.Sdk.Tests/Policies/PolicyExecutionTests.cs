using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage.InMemory;
using Maxxit.Sdk.Testing.Policies;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Policies;

public class PolicyExecutionTests
{
    [Fact]
    public async Task The_default_layer_is_rule_based_with_every_built_in_rule()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore());

        var layer = Assert.IsType<RuleBasedPolicy>(scenario.Services.GetRequiredService<IPolicyLayer>());

        Assert.Equal(BuiltInPolicyRules.All.Select(r => r.Name), layer.Rules.Select(r => r.Name));
    }

    [Fact]
    public async Task Venue_bias_changes_the_routed_venue_per_user()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore());
        var agent = await scenario.AgentAsync();
        var plain = await scenario.DeployAsync(agent.Id, null);
        var prefersOstium = await scenario.DeployAsync(agent.Id, new DeploymentPolicy { PreferredVenues = [Venue.Ostium] });
        var excludesHyperliquid = await scenario.DeployAsync(agent.Id, new DeploymentPolicy { ExcludedVenues = [Venue.Hyperliquid] });

        var result = await scenario.TradeAsync(agent.Id, "ETH");

        Assert.Equal(Venue.Hyperliquid, result.Deployments.Single(d => d.DeploymentId == plain.Id).Position!.Venue);
        Assert.Equal(Venue.Ostium, result.Deployments.Single(d => d.DeploymentId == prefersOstium.Id).Position!.Venue);
        Assert.Equal(Venue.Ostium, result.Deployments.Single(d => d.DeploymentId == excludesHyperliquid.Id).Position!.Venue);
        var history = await scenario.Client.GetRoutingHistoryAsync(new RoutingHistoryQuery(TokenSymbol: "ETH"));
        Assert.Equal(1, history.Summary.Count(Venue.Hyperliquid));
        Assert.Equal(2, history.Summary.Count(Venue.Ostium));
        Assert.Equal([Venue.Ostium], history.History.Single(r => r.DeploymentId == excludesHyperliquid.Id).CheckedVenues);
    }

    [Fact]
    public async Task A_venue_bias_to_a_venue_without_the_token_routes_nowhere()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore());
        var agent = await scenario.AgentAsync();
        await scenario.DeployAsync(agent.Id, new DeploymentPolicy { PreferredVenues = [Venue.Hyperliquid] });

        var result = await scenario.TradeAsync(agent.Id, "XAU");

        Assert.Equal(SignalStatus.Skipped, result.Status);
        Assert.Equal(DeploymentOutcome.NoVenue, Assert.Single(result.Deployments).Outcome);
        Assert.Equal("No venue available for XAU. Checked: HYPERLIQUID", result.Reason);
    }

    [Property(MaxTest = 60)]
    public Property A_rejected_intent_never_reaches_a_venue_adapter() => Prop.ForAll(
        Arb.From(Gen.Choose(0, int.MaxValue).Select(PolicyCase.From)),
        c =>
        {
            var scenario = CountingScenario.Value;
            scenario.Scenario.Time.Advance(TimeSpan.FromMinutes(c.Seed % 997));
            var (deploymentId, result) = Run(scenario.Scenario, c).GetAwaiter().GetResult();

            var outcome = Assert.Single(result.Deployments).Outcome;
            var orders = scenario.Hyperliquid.OrdersFor(deploymentId) + scenario.Ostium.OrdersFor(deploymentId);
            Assert.Equal(outcome == DeploymentOutcome.Opened ? 1 : 0, orders);
            if (outcome == DeploymentOutcome.PolicyRejected)
            {
                Assert.Empty(result.Positions);
            }
        });

    [Fact]
    public async Task A_custom_rule_added_through_the_builder_runs_at_its_declared_place_and_shows_in_the_stats()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore(), b => b.AddPolicyRule<NoMemecoinsRule>());
        var agent = await scenario.AgentAsync();
        await scenario.DeployAsync(agent.Id, new DeploymentPolicy { MinConfidence = 0.9m });

        var layer = (RuleBasedPolicy)scenario.Services.GetRequiredService<IPolicyLayer>();
        Assert.Equal(["confidence_floor", "side_restriction", "token_lists", "no_memecoins", "trading_window"], layer.Rules.Take(5).Select(r => r.Name));

        var confidentDoge = await scenario.TradeAsync(agent.Id, "DOGE", confidence: 0.95m);
        var weakDoge = await scenario.TradeAsync(agent.Id, "DOGE", confidence: 0.7m);

        Assert.Equal("Rejected by policy rule no_memecoins: DOGE is a memecoin", confidentDoge.Reason);
        Assert.Equal("confidence_floor", Assert.Single(weakDoge.Deployments).Policy!.RejectedBy);
        var stats = (await scenario.Client.GetOverviewAsync()).PolicyRejectionsByRule;
        Assert.Equal(1, stats["no_memecoins"]);
        Assert.Equal(1, stats["confidence_floor"]);
    }

    [Fact]
    public async Task A_custom_rules_own_option_check_runs_when_a_policy_is_stored()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore(), b => b.AddPolicyRule<NoMemecoinsRule>());
        var agent = await scenario.AgentAsync();

        var error = await Assert.ThrowsAsync<MaxxitValidationException>(() => scenario.DeployAsync(agent.Id, new DeploymentPolicy { AllowedTokens = ["PEPE"] }));

        Assert.Equal("DeployAgentRequest.Policy.AllowedTokens", error.Field);
        Assert.Equal("PEPE is a memecoin; the no_memecoins rule would refuse it anyway", error.Reason);
    }

    [Fact]
    public async Task AddPolicy_replaces_the_whole_layer_rules_included()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore(), b => b.AddPolicy<RefuseEverythingPolicy>());
        var agent = await scenario.AgentAsync();
        await scenario.DeployAsync(agent.Id, null);
        await scenario.DeployAsync(agent.Id, new DeploymentPolicy { RiskPreference = RiskPreference.Aggressive });

        var result = await scenario.TradeAsync(agent.Id, "ETH");

        Assert.Equal(SignalStatus.Skipped, result.Status);
        Assert.All(result.Deployments, d => Assert.Equal("refuse_everything", d.Policy!.RejectedBy));
        Assert.Equal(2, (await scenario.Client.GetOverviewAsync()).PolicyRejectionsByRule["refuse_everything"]);
    }

    [Fact]
    public async Task The_account_value_is_asked_once_per_deployment_and_drives_the_percent_limits()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore(), b => b.UseAccountValueProvider<SmallAccounts>());
        var agent = await scenario.AgentAsync();
        var limited = await scenario.DeployAsync(agent.Id, new DeploymentPolicy { MinOrderValueUsd = 500m });
        var unlimited = await scenario.DeployAsync(agent.Id, new DeploymentPolicy());

        // 20 % of a 1 000 USD account at 2x = 400 USD, under the 500 USD minimum.
        var result = await scenario.TradeAsync(agent.Id, "ETH");

        var provider = (SmallAccounts)scenario.Services.GetRequiredService<IAccountValueProvider>();
        Assert.Equal(new[] { limited.Id, unlimited.Id }.Order(), provider.AskedFor.Order());
        Assert.Equal("order value 400 USD is below the minimum 500 USD", result.Deployments.Single(d => d.DeploymentId == limited.Id).Policy!.Reason);
        Assert.Equal(DeploymentOutcome.Opened, result.Deployments.Single(d => d.DeploymentId == unlimited.Id).Outcome);
    }

    [Fact]
    public async Task A_failing_account_value_provider_refuses_only_trades_that_need_the_value()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore(), b => b.UseAccountValueProvider<BrokenAccounts>());
        var agent = await scenario.AgentAsync();
        var needsIt = await scenario.DeployAsync(agent.Id, new DeploymentPolicy { MaxTotalExposurePercent = 100m });
        var doesNot = await scenario.DeployAsync(agent.Id, new DeploymentPolicy { MaxTradeSizePercent = 10m });

        var result = await scenario.TradeAsync(agent.Id, "ETH");

        Assert.Equal(SignalStatus.Executed, result.Status);
        Assert.Equal("account value unknown; exposure limits cannot be checked", result.Deployments.Single(d => d.DeploymentId == needsIt.Id).Policy!.Reason);
        Assert.Equal(10m, result.Deployments.Single(d => d.DeploymentId == doesNot.Id).Position!.SizePercent);
    }

    [Fact]
    public async Task Leverage_never_exceeds_the_routed_markets_maximum_nor_the_policy_cap()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore(), options: o => o.DefaultLeverage = 60m);
        var agent = await scenario.AgentAsync();
        var noCap = await scenario.DeployAsync(agent.Id, null);
        var capped = await scenario.DeployAsync(agent.Id, new DeploymentPolicy { MaxLeverage = 3m });
        var highCap = await scenario.DeployAsync(agent.Id, new DeploymentPolicy { MaxLeverage = 100m, PreferredVenues = [Venue.Hyperliquid] });

        var result = await scenario.TradeAsync(agent.Id, "ETH");

        // Hyperliquid lists ETH at 25x at most.
        Assert.Equal(25m, result.Deployments.Single(d => d.DeploymentId == noCap.Id).Position!.Leverage);
        var cappedRun = result.Deployments.Single(d => d.DeploymentId == capped.Id);
        Assert.Equal(3m, cappedRun.Position!.Leverage);
        Assert.Equal([new PolicyAdjustment("leverage_cap", "leverage", "60", "3")], cappedRun.Policy!.Adjustments);
        var highCapRun = result.Deployments.Single(d => d.DeploymentId == highCap.Id);
        Assert.Equal([new PolicyAdjustment("leverage_cap", "leverage", "60", "25")], highCapRun.Policy!.Adjustments);
        Assert.Equal(25m, highCapRun.Position!.Leverage);
    }

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public async Task Bad_policy_input_is_refused_with_the_field_and_nothing_is_written(DeploymentPolicy policy, string field)
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore());
        var agent = await scenario.AgentAsync();
        var existing = await scenario.DeployAsync(agent.Id, new DeploymentPolicy { DailyTradeCap = 3 });

        var onDeploy = await Assert.ThrowsAsync<MaxxitValidationException>(() => scenario.DeployAsync(agent.Id, policy));
        var onUpdate = await Assert.ThrowsAsync<MaxxitValidationException>(() => scenario.Client.UpdateDeploymentPolicyAsync(existing.Id, policy));

        // Deploy names the request's member, an update the policy's own.
        Assert.Equal("DeployAgentRequest.Policy." + field["DeploymentPolicy.".Length..], onDeploy.Field);
        Assert.Equal(field, onUpdate.Field);
        Assert.StartsWith(onDeploy.Field + ": ", onDeploy.Message);
        Assert.Equal([existing.Id], (await scenario.Store.ListDeploymentsAsync(agent.Id, null, default)).Select(d => d.Id));
        Assert.Equal(3, (await scenario.Store.GetDeploymentAsync(existing.Id, default))!.Policy!.DailyTradeCap);
    }

    public static TheoryData<DeploymentPolicy, string> BadPolicies() => new()
    {
        { new DeploymentPolicy { MaxTradeSizePercent = -1m }, "DeploymentPolicy.MaxTradeSizePercent" },
        { new DeploymentPolicy { MinOrderValueUsd = -5m }, "DeploymentPolicy.MinOrderValueUsd" },
        { new DeploymentPolicy { MaxOpenPositions = -1 }, "DeploymentPolicy.MaxOpenPositions" },
        { new DeploymentPolicy { DailyTradeCap = -2 }, "DeploymentPolicy.DailyTradeCap" },
        { new DeploymentPolicy { MaxTokenExposurePercent = -10m }, "DeploymentPolicy.MaxTokenExposurePercent" },
        { new DeploymentPolicy { MaxTotalExposurePercent = 0m }, "DeploymentPolicy.MaxTotalExposurePercent" },
        { new DeploymentPolicy { CooldownPerToken = TimeSpan.FromMinutes(-1) }, "DeploymentPolicy.CooldownPerToken" },
        { new DeploymentPolicy { MaxLeverage = 0m }, "DeploymentPolicy.MaxLeverage" },
        { new DeploymentPolicy { TradingHoursStartUtc = 17, TradingHoursEndUtc = 9 }, "DeploymentPolicy.TradingHoursEndUtc" },
        { new DeploymentPolicy { AllowedTokens = ["ETH", "NOTATOKEN"] }, "DeploymentPolicy.AllowedTokens" },
        { new DeploymentPolicy { DeniedTokens = ["zzzz"] }, "DeploymentPolicy.DeniedTokens" },
        { new DeploymentPolicy { PreferredVenues = [Venue.Multi] }, "DeploymentPolicy.PreferredVenues" },
    };

    [Fact]
    public async Task Tokens_are_checked_against_every_venue_case_insensitively()
    {
        await using var scenario = PolicyScenario.Create(new InMemoryMaxxitStore());
        var agent = await scenario.AgentAsync();

        // XAU is listed by Ostium only, kPEPE by Hyperliquid only.
        var deployment = await scenario.DeployAsync(agent.Id, new DeploymentPolicy { AllowedTokens = ["xau", "ETH"], DeniedTokens = ["KPEPE"] });

        Assert.Equal(["xau", "ETH"], deployment.Policy!.AllowedTokens);
    }

    [Fact]
    public void Without_a_catalog_the_validator_checks_syntax_only() =>
        new DeploymentPolicyValidator().Validate(new DeploymentPolicy { AllowedTokens = ["NOTATOKEN"] });

    private static async Task<(Guid DeploymentId, ExecutionResult Result)> Run(PolicyScenario scenario, PolicyCase c)
    {
        var agent = await scenario.AgentAsync();
        var deployment = await scenario.DeployAsync(agent.Id, c.Policy);
        return (deployment.Id, await scenario.TradeAsync(agent.Id, c.Intent.TokenSymbol, c.Intent.SizePercent, c.Intent.Confidence, c.Intent.Side));
    }

    private static readonly Lazy<CountingSetup> CountingScenario = new(() =>
    {
        var hyperliquid = new CountingVenueAdapter(Venue.Hyperliquid);
        var ostium = new CountingVenueAdapter(Venue.Ostium);
        var scenario = PolicyScenario.Create(new InMemoryMaxxitStore(), b => b.AddVenue(_ => hyperliquid).AddVenue(_ => ostium));
        return new CountingSetup(scenario, hyperliquid, ostium);
    });

    private sealed record CountingSetup(PolicyScenario Scenario, CountingVenueAdapter Hyperliquid, CountingVenueAdapter Ostium);

    private sealed class NoMemecoinsRule : IPolicyRule
    {
        private static readonly string[] Memecoins = ["DOGE", "PEPE", "KPEPE", "WIF", "BONK"];

        public string Name => "no_memecoins";

        public int Order => PolicyRuleOrder.TokenLists + 1;

        public void Validate(DeploymentPolicy policy)
        {
            if (policy.AllowedTokens.FirstOrDefault(t => Memecoins.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } meme)
            {
                throw new MaxxitValidationException("DeploymentPolicy.AllowedTokens", $"{meme} is a memecoin; the no_memecoins rule would refuse it anyway");
            }
        }

        public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context) =>
            Memecoins.Contains(intent.TokenSymbol) ? PolicyRuleResult.Reject($"{intent.TokenSymbol} is a memecoin") : PolicyRuleResult.Pass;
    }

    private sealed class RefuseEverythingPolicy : IPolicyLayer
    {
        public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PolicyDecision.Reject(context.Intent, "refuse_everything", "closed for the day"));
    }

    private sealed class SmallAccounts : IAccountValueProvider
    {
        public List<Guid> AskedFor { get; } = [];

        public ValueTask<decimal?> GetAccountValueUsdAsync(AgentDeployment deployment, CancellationToken cancellationToken)
        {
            lock (AskedFor)
            {
                AskedFor.Add(deployment.Id);
            }

            return ValueTask.FromResult<decimal?>(1_000m);
        }
    }

    private sealed class BrokenAccounts : IAccountValueProvider
    {
        public ValueTask<decimal?> GetAccountValueUsdAsync(AgentDeployment deployment, CancellationToken cancellationToken) =>
            throw new HttpRequestException("venue unreachable");
    }
}
