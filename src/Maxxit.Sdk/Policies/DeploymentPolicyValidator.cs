using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Policies.Rules;

namespace Maxxit.Sdk.Policies;

/// <summary>
/// Checks a <see cref="DeploymentPolicy"/> field by field: each rule's own option checks in rule order (built-in and
/// custom), then that every token in the allow- and deny-lists is listed by at least one venue of the market catalog.
/// The first bad field is reported as a <see cref="MaxxitValidationException"/> named by its member path, <c>DeploymentPolicy./// The first bad field is reported as a <see cref="MaxxitValidationException"/> named <c>policy.&lt;field&gt;</c>.lt;Member/// The first bad field is reported as a <see cref="MaxxitValidationException"/> named <c>policy.&lt;field&gt;</c>.gt;</c>.
/// </summary>
public sealed class DeploymentPolicyValidator : IPolicyValidator
{
    private readonly IPolicyRule[] _rules;
    private readonly IMarketCatalog? _markets;

    /// <summary>Checks the built-in rules' options only (no market catalog, so tokens are checked for syntax only).</summary>
    public DeploymentPolicyValidator()
        : this(BuiltInPolicyRules.All, null)
    {
    }

    /// <summary>Checks the options of <paramref name="rules"/> and, when <paramref name="markets"/> is given, that listed tokens exist.</summary>
    public DeploymentPolicyValidator(IEnumerable<IPolicyRule> rules, IMarketCatalog? markets)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules.OrderBy(r => r.Order)];
        _markets = markets;
    }

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var rule in _rules)
        {
            rule.Validate(policy);
        }

        if (_markets is not null && HasAnyMarket(_markets))
        {
            KnownTokens(_markets, policy.AllowedTokens, "DeploymentPolicy.AllowedTokens");
            KnownTokens(_markets, policy.DeniedTokens, "DeploymentPolicy.DeniedTokens");
        }
    }

    /// <inheritdoc />
    public async ValueTask ValidateAsync(DeploymentPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (_markets is not null)
        {
            await _markets.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        }

        Validate(policy);
    }

    // With no market loaded at all (every venue down at start-up) the check cannot tell unknown from unloaded; the
    // token then simply never routes, which is safe.
    private static bool HasAnyMarket(IMarketCatalog markets) => VenueTable.Concrete.Any(v => markets.GetMarkets(v).Count > 0);

    private static void KnownTokens(IMarketCatalog markets, IReadOnlyList<string> tokens, string field)
    {
        foreach (var token in tokens)
        {
            if (!markets.IsListedAnywhere(token.ToUpperInvariant()))
            {
                throw new MaxxitValidationException(field, $"{token} is not listed by any venue");
            }
        }
    }
}
