using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>
/// Keeps the notional of open positions in the token (<see cref="DeploymentPolicy.MaxTokenExposurePercent"/>) and in
/// total (<see cref="DeploymentPolicy.MaxTotalExposurePercent"/>) within their percent of the account value, counting
/// the new trade at its final size and leverage. A trade that would cross a cap is shrunk to the headroom left;
/// with no headroom, or with the account value unknown, it is refused.
/// </summary>
public sealed class ExposureRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "exposure";

    /// <summary>Size percent is rounded down to this many decimals when shrunk, so the result never crosses the cap.</summary>
    public const int SizeDecimals = 4;

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.Exposure;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MaxTokenExposurePercent is <= 0m or > 10_000m)
        {
            throw new MaxxitValidationException("DeploymentPolicy.MaxTokenExposurePercent", "must be in (0, 10000]");
        }

        if (policy.MaxTotalExposurePercent is <= 0m or > 10_000m)
        {
            throw new MaxxitValidationException("DeploymentPolicy.MaxTotalExposurePercent", "must be in (0, 10000]");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context)
    {
        var policy = context.Policy;
        if (policy.MaxTokenExposurePercent is null && policy.MaxTotalExposurePercent is null)
        {
            return PolicyRuleResult.Pass;
        }

        if (context.AccountValueUsd is not { } account || account <= 0m)
        {
            return PolicyRuleResult.Reject("account value unknown; exposure limits cannot be checked");
        }

        var state = context.State;
        var tokenRoom = policy.MaxTokenExposurePercent is { } tokenCap ? (account * tokenCap / 100m) - state.TokenNotionalUsd : decimal.MaxValue;
        var totalRoom = policy.MaxTotalExposurePercent is { } totalCap ? (account * totalCap / 100m) - state.OpenNotionalUsd : decimal.MaxValue;
        var headroom = Math.Min(tokenRoom, totalRoom);
        var usdPerPercent = account * context.EffectiveLeverage(intent) / 100m;
        var notional = intent.SizePercent * usdPerPercent;
        if (notional <= headroom)
        {
            return PolicyRuleResult.Pass;
        }

        var size = headroom > 0m ? Math.Round(headroom / usdPerPercent, SizeDecimals, MidpointRounding.ToZero) : 0m;
        if (size <= 0m)
        {
            var binding = tokenRoom <= totalRoom
                ? $"{intent.TokenSymbol} exposure cap {PolicyText.Number(policy.MaxTokenExposurePercent!.Value)}% ({PolicyText.Usd(state.TokenNotionalUsd)} open)"
                : $"total exposure cap {PolicyText.Number(policy.MaxTotalExposurePercent!.Value)}% ({PolicyText.Usd(state.OpenNotionalUsd)} open)";
            return PolicyRuleResult.Reject($"no headroom under the {binding} of an account of {PolicyText.Usd(account)}");
        }

        return PolicyRuleResult.Adjust(
            intent with { SizePercent = size },
            new PolicyAdjustment(RuleName, SizeRule.Field, PolicyText.Number(intent.SizePercent), PolicyText.Number(size)));
    }
}
