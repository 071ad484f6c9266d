using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>
/// Puts the user's venue order (<see cref="DeploymentPolicy.PreferredVenues"/>) and excluded venues
/// (<see cref="DeploymentPolicy.ExcludedVenues"/>) on the intent; the router honours both. The executor already starts
/// the intent from them, so this records an adjustment only when an earlier (custom) rule or caller changed them.
/// </summary>
public sealed class VenueBiasRule : IPolicyRule
{
    /// <summary>The rule's name.</summary>
    public const string RuleName = "venue_bias";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public int Order => PolicyRuleOrder.VenueBias;

    /// <inheritdoc />
    public void Validate(DeploymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Venues(policy.PreferredVenues, "DeploymentPolicy.PreferredVenues");
        Venues(policy.ExcludedVenues, "DeploymentPolicy.ExcludedVenues");
        if (policy.PreferredVenues.Distinct().Count() != policy.PreferredVenues.Count)
        {
            throw new MaxxitValidationException("DeploymentPolicy.PreferredVenues", "must not list a venue twice");
        }

        if (policy.PreferredVenues.Count > 0 && policy.PreferredVenues.All(policy.ExcludedVenues.Contains))
        {
            throw new MaxxitValidationException("DeploymentPolicy.ExcludedVenues", "excludes every preferred venue; no trade could be routed");
        }
    }

    /// <inheritdoc />
    public PolicyRuleResult Evaluate(TradeIntent intent, in PolicyRuleContext context)
    {
        var policy = context.Policy;
        var priorityDiffers = policy.PreferredVenues.Count > 0 && !SameVenues(intent.VenuePriority, policy.PreferredVenues);
        var exclusionDiffers = policy.ExcludedVenues.Count > 0 && !SameVenues(intent.ExcludedVenues, policy.ExcludedVenues);
        if (!priorityDiffers && !exclusionDiffers)
        {
            return PolicyRuleResult.Pass;
        }

        var adjustments = new List<PolicyAdjustment>(2);
        var adjusted = intent;
        if (priorityDiffers)
        {
            adjustments.Add(new PolicyAdjustment(RuleName, "venue_priority", PolicyText.Venues(intent.VenuePriority), PolicyText.Venues(policy.PreferredVenues)));
            adjusted = adjusted with { VenuePriority = policy.PreferredVenues };
        }

        if (exclusionDiffers)
        {
            adjustments.Add(new PolicyAdjustment(RuleName, "excluded_venues", PolicyText.Venues(intent.ExcludedVenues), PolicyText.Venues(policy.ExcludedVenues)));
            adjusted = adjusted with { ExcludedVenues = policy.ExcludedVenues };
        }

        return PolicyRuleResult.Adjust(adjusted, adjustments);
    }

    private static void Venues(IReadOnlyList<Venue>? venues, string field)
    {
        if (venues is null)
        {
            throw new MaxxitValidationException(field, "must be a list (empty for none)");
        }

        foreach (var venue in venues)
        {
            if (venue.IsNone)
            {
                throw new MaxxitValidationException(field, "default(Venue) names no venue");
            }

            if (venue == Venue.Multi)
            {
                throw new MaxxitValidationException(field, "MULTI is not a concrete venue");
            }
        }
    }

    private static bool SameVenues(IReadOnlyList<Venue> left, IReadOnlyList<Venue> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }

        return true;
    }
}
