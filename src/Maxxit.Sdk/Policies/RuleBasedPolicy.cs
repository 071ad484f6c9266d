using Maxxit.Sdk.Markets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Policies;

/// <summary>
/// The default policy layer: runs the registered <see cref="IPolicyRule"/>s in ascending <see cref="IPolicyRule.Order"/>
/// over each trade of a deployment that has a <see cref="DeploymentPolicy"/>; deployments without one pass through.
/// Each rule sees the intent as the rules before it left it. The first rejection stops evaluation; adjustments are
/// kept in rule order. A rule that throws or leaves an invalid intent refuses the trade (fail closed) and is logged.
/// </summary>
public sealed class RuleBasedPolicy : IPolicyLayer
{
    private readonly IPolicyRule[] _rules;
    private readonly IMarketCatalog? _markets;
    private readonly decimal _defaultLeverage;
    private readonly ILogger _logger;

    /// <summary>Creates the layer from the container's rules, market catalog and options.</summary>
    public RuleBasedPolicy(IEnumerable<IPolicyRule> rules, IMarketCatalog markets, IOptions<MaxxitOptions> options, ILogger<RuleBasedPolicy> logger)
        : this(rules, markets, (options ?? throw new ArgumentNullException(nameof(options))).Value.DefaultLeverage, (ILogger?)logger ?? throw new ArgumentNullException(nameof(logger)))
    {
    }

    private RuleBasedPolicy(IEnumerable<IPolicyRule> rules, IMarketCatalog? markets, decimal defaultLeverage, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultLeverage, 1m);
        _rules = [.. rules.OrderBy(r => r.Order)];
        if (_rules.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"two policy rules are named '{duplicate.Key}'", nameof(rules));
        }

        _markets = markets;
        _defaultLeverage = defaultLeverage;
        _logger = logger;
    }

    /// <summary>Creates the layer without a container (tests, benchmarks, hosts of their own).</summary>
    /// <param name="rules">The rules; ordered here by <see cref="IPolicyRule.Order"/>, ties in the given order.</param>
    /// <param name="markets">Market lists for the leverage cap; null to cap by the policy only.</param>
    /// <param name="defaultLeverage">Leverage the executor uses when the intent sets none.</param>
    /// <param name="logger">Where failing rules are reported; none when null.</param>
    /// <exception cref="ArgumentException">Two rules share a name.</exception>
    public static RuleBasedPolicy Create(IEnumerable<IPolicyRule> rules, IMarketCatalog? markets = null, decimal defaultLeverage = 2m, ILogger? logger = null) =>
        new(rules, markets, defaultLeverage, logger ?? NullLogger.Instance);

    /// <summary>The rules in evaluation order.</summary>
    public IReadOnlyList<IPolicyRule> Rules => _rules;

    /// <inheritdoc />
    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) => ValueTask.FromResult(Evaluate(context));

    /// <summary>Evaluates synchronously: rules never wait on anything.</summary>
    public PolicyDecision Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Deployment.Policy is not { } policy)
        {
            return PolicyDecision.Accept(context.Intent);
        }

        var ruleContext = new PolicyRuleContext(context, policy, _defaultLeverage, _markets);
        var intent = context.Intent;
        List<PolicyAdjustment>? adjustments = null;
        foreach (var rule in _rules)
        {
            PolicyRuleResult result;
            try
            {
                result = rule.Evaluate(intent, in ruleContext);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Policy rule {Rule} failed for deployment {DeploymentId}; the trade is refused", rule.Name, context.Deployment.Id);
                return Rejected(intent, adjustments, rule, $"rule failed ({ex.GetType().Name})");
            }

            switch (result.Outcome)
            {
                case PolicyOutcome.Accepted:
                    continue;
                case PolicyOutcome.Rejected:
                    return Rejected(intent, adjustments, rule, result.Reason ?? "rejected");
                case PolicyOutcome.Adjusted when Invalid(intent, result.Intent) is { } problem:
                    _logger.LogError("Policy rule {Rule} left an invalid intent ({Problem}); the trade is refused", rule.Name, problem);
                    return Rejected(intent, adjustments, rule, $"rule left an invalid intent: {problem}");
                case PolicyOutcome.Adjusted:
                    intent = result.Intent!;
                    (adjustments ??= []).AddRange(result.Adjustments);
                    continue;
                default:
                    return Rejected(intent, adjustments, rule, $"unknown outcome {result.Outcome}");
            }
        }

        return adjustments is null ? PolicyDecision.Accept(intent) : new PolicyDecision(PolicyOutcome.Adjusted, intent, adjustments);
    }

    private static PolicyDecision Rejected(TradeIntent intent, List<PolicyAdjustment>? adjustments, IPolicyRule rule, string reason) =>
        new(PolicyOutcome.Rejected, intent, (IReadOnlyList<PolicyAdjustment>?)adjustments ?? [], rule.Name, reason);

    // A rule may resize, re-lever or re-route a trade, never turn it into another trade.
    private static string? Invalid(TradeIntent before, TradeIntent? after) => after switch
    {
        null => "no intent",
        _ when !string.Equals(after.TokenSymbol, before.TokenSymbol, StringComparison.Ordinal) => "token changed",
        _ when after.Side != before.Side => "side changed",
        _ when after.Confidence != before.Confidence => "confidence changed",
        _ when after.SizePercent is <= 0m or > 100m => $"size {after.SizePercent} outside (0, 100]",
        _ when after.Leverage is < 1m => $"leverage {after.Leverage} below 1",
        _ when after.VenuePriority is null || after.ExcludedVenues is null => "venue lists missing",
        _ => null,
    };
}
