using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>
/// Token deny-list (<see cref="DeploymentPolicy.DeniedTokens"/>) and allow-list (<see cref="DeploymentPolicy.AllowedTokens"/>),
/// compared case-insensitively. Whether the tokens exist on any venue is checked by <see cref="DeploymentPolicyValidator"/>,
/// which knows the market catalog.
/// </summary>
public sealed class TokenListRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "token_lists";

    /// <summary>Most tokens a list may hold (lists are scanned on every evaluation).</summary>
    public const int MaxTokens = 500;

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.TokenLists;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Tokens(policy.AllowedTokens, "DeploymentPolicy.AllowedTokens");
        Tokens(policy.DeniedTokens, "DeploymentPolicy.DeniedTokens");
        if (policy.AllowedTokens.Intersect(policy.DeniedTokens, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } both)
        {
            throw new MaxxitValidationException("DeploymentPolicy.DeniedTokens", $"{both} is both allowed and denied");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context)
    {
        var policy = context.Policy;
        if (PolicyText.ContainsToken(policy.DeniedTokens, intent.TokenSymbol))
        {
            return PolicyRuleResult.Reject($"{intent.TokenSymbol} is on the deny-list");
        }

        return policy.AllowedTokens.Count > 0 && !PolicyText.ContainsToken(policy.AllowedTokens, intent.TokenSymbol)
            ? PolicyRuleResult.Reject($"{intent.TokenSymbol} is not on the allow-list")
            : PolicyRuleResult.Pass;
    }

    private static void Tokens(IReadOnlyList<string>? tokens, string field)
    {
        if (tokens is null)
        {
            throw new MaxxitValidationException(field, "must be a list (empty for none)");
        }

        if (tokens.Count > MaxTokens)
        {
            throw new MaxxitValidationException(field, $"must hold at most {MaxTokens} tokens");
        }

        foreach (var token in tokens)
        {
            if (string.IsNullOrWhiteSpace(token) || token.Length > 20 || !token.All(char.IsAsciiLetterOrDigit))
            {
                throw new MaxxitValidationException(field, $"'{token}' is not a token symbol (1-20 letters or digits)");
            }
        }
    }
}
