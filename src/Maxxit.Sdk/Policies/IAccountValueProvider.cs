using Maxxit.Sdk.Agents;

namespace Maxxit.Sdk.Policies;

/// <summary>
/// The account value of a deployment's user, for the percent-of-account policy limits. The executor asks once per
/// (signal, deployment) before evaluating the policy.
/// </summary>
public interface IAccountValueProvider
{
    /// <summary>The account value in USD, or null when it cannot be known (limits that need it then refuse the trade).</summary>
    ValueTask<decimal?> GetAccountValueUsdAsync(AgentDeployment deployment, CancellationToken cancellationToken);
}
