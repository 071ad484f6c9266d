using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Policies.Rules;
using static Maxxit.Sdk.Tests.Policies.PolicyTestData;

namespace Maxxit.Sdk.Tests.Policies;

public class PolicyPropertyTests
{
    private const decimal DefaultLeverage = 3m;
    private static readonly IMarketCatalog Markets = PaperMarkets();
    private static readonly Arbitrary<PolicyCase> Cases = Arb.From(Gen.Choose(0, int.MaxValue).Select(PolicyCase.From));

    [Property(MaxTest = 2_000)]
    public Property An_accepted_intent_never_exceeds_any_cap_of_its_policy() => Prop.ForAll(Cases, c =>
    {
        new DeploymentPolicyValidator().Validate(c.Policy);
        var decision = Layer().Evaluate(Context(c));
        if (decision.Outcome == PolicyOutcome.Rejected)
        {
            Assert.NotNull(decision.RejectedBy);
            Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
            return;
        }

        AssertWithinCaps(c, decision.Intent);
        Assert.Equal(decision.Outcome == PolicyOutcome.Adjusted, decision.Adjustments.Count > 0);
    });

    [Property(MaxTest = 500)]
    public Property Evaluation_is_deterministic() => Prop.ForAll(Cases, c =>
    {
        var context = Context(c);
        var first = Layer().Evaluate(context);
        var second = Layer().Evaluate(context);

        Assert.Equal(first.Outcome, second.Outcome);
        Assert.Equal(first.RejectedBy, second.RejectedBy);
        Assert.Equal(first.Reason, second.Reason);
        Assert.Equal(first.Adjustments, second.Adjustments);
        Assert.Equal(first.Intent with { VenuePriority = [], ExcludedVenues = [] }, second.Intent with { VenuePriority = [], ExcludedVenues = [] });
        Assert.Equal(first.Intent.VenuePriority, second.Intent.VenuePriority);
        Assert.Equal(first.Intent.ExcludedVenues, second.Intent.ExcludedVenues);
    });

    [Property(MaxTest = 300)]
    public Property Rule_order_is_respected() => Prop.ForAll(
        Arb.From(Gen.ListOf(Gen.Choose(-3, 3))),
        orders =>
        {
            var log = new List<string>();
            var rules = orders.Select((order, i) => new RecordingRule($"rule{i}", order, log, i % 3 == 1 ? PolicyOutcome.Adjusted : PolicyOutcome.Accepted, newSize: i + 1)).ToList();

            var decision = RuleBasedPolicy.Create(rules).Evaluate(PolicyTestData.Context(new DeploymentPolicy()));

            var expected = rules.Select((r, i) => (r, i)).OrderBy(x => x.r.Order).ThenBy(x => x.i).Select(x => x.r.Name).ToList();
            Assert.Equal(expected, log);
            Assert.Equal(expected.Where(name => int.Parse(name[4..]) % 3 == 1), decision.Adjustments.Select(a => a.Rule));
        });

    private static RuleBasedPolicy Layer() => RuleBasedPolicy.Create(BuiltInPolicyRules.All, Markets, DefaultLeverage);

    private static PolicyContext Context(PolicyCase c) => PolicyTestData.Context(c.Policy, c.Intent, c.State, c.AccountValue, c.Now);

    private static void AssertWithinCaps(PolicyCase c, TradeIntent final)
    {
        var p = c.Policy;
        var now = c.Now.UtcDateTime;
        Assert.Equal(c.Intent.TokenSymbol, final.TokenSymbol);
        Assert.Equal(c.Intent.Side, final.Side);
        Assert.InRange(final.SizePercent, 0.0001m, 100m);
        Assert.True(p.MinConfidence is null || final.Confidence >= p.MinConfidence, "confidence floor");
        Assert.True(p.AllowedSide is null || final.Side == p.AllowedSide, "side");
        Assert.DoesNotContain(final.TokenSymbol, p.DeniedTokens, StringComparer.OrdinalIgnoreCase);
        Assert.True(p.AllowedTokens.Count == 0 || p.AllowedTokens.Contains(final.TokenSymbol, StringComparer.OrdinalIgnoreCase), "allow-list");
        Assert.True(p.TradingHoursStartUtc is null || (now.Hour >= p.TradingHoursStartUtc && now.Hour < p.TradingHoursEndUtc), "hours");
        Assert.True(p.TradingDays.Count == 0 || p.TradingDays.Contains(now.DayOfWeek), "days");
        Assert.True(p.CooldownPerToken is null || c.State.LastTradeForToken is null || c.Now >= c.State.LastTradeForToken + p.CooldownPerToken, "cooldown");
        Assert.True(p.DailyTradeCap is null || c.State.TradesToday < p.DailyTradeCap, "daily cap");
        Assert.True(p.MaxOpenPositions is null || c.State.OpenPositions < p.MaxOpenPositions, "open positions");
        Assert.True(p.MaxTradeSizePercent is null || final.SizePercent <= p.MaxTradeSizePercent, "trade size cap");

        var leverage = final.Leverage ?? DefaultLeverage;
        Assert.True(p.MaxLeverage is null || leverage <= p.MaxLeverage, "leverage cap");
        if (p.MaxLeverage is not null && VenueMaximum(final) is { } venueMax)
        {
            Assert.True(leverage <= Math.Max(venueMax, 1m), "venue leverage maximum");
        }

        if (p.MaxTokenExposurePercent is not null || p.MaxTotalExposurePercent is not null || p.MinOrderValueUsd > 0m)
        {
            var account = Assert.NotNull(c.AccountValue);
            var notional = account * final.SizePercent / 100m * leverage;
            Assert.True(p.MaxTokenExposurePercent is null || c.State.TokenNotionalUsd + notional <= account * p.MaxTokenExposurePercent / 100m, "token exposure");
            Assert.True(p.MaxTotalExposurePercent is null || c.State.OpenNotionalUsd + notional <= account * p.MaxTotalExposurePercent / 100m, "total exposure");
            Assert.True(p.MinOrderValueUsd is null || notional >= p.MinOrderValueUsd, "minimum order value");
        }

        Assert.Equal(p.PreferredVenues.Count > 0 ? p.PreferredVenues : c.Intent.VenuePriority, final.VenuePriority);
        Assert.Equal(p.ExcludedVenues.Count > 0 ? p.ExcludedVenues : c.Intent.ExcludedVenues, final.ExcludedVenues);
    }

    private static decimal? VenueMaximum(TradeIntent intent)
    {
        IEnumerable<Venue> candidates = intent.VenuePriority.Count > 0 ? intent.VenuePriority : [Venue.Hyperliquid, Venue.Ostium, Venue.Gmx, Venue.Spot];
        var listed = candidates.Where(v => !intent.ExcludedVenues.Contains(v) && Markets.TryGet(v, intent.TokenSymbol, out _))
            .Select(v => { Markets.TryGet(v, intent.TokenSymbol, out var m); return m.MaxLeverage; })
            .ToList();
        return listed.Count == 0 ? null : listed.Max();
    }
}
