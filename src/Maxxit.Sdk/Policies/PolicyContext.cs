using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Policies;

/// <summary>Everything a policy may look at for one (signal, deployment).</summary>
/// <param name="Signal">The signal.</param>
/// <param name="Deployment">The user's deployment (and its policy).</param>
/// <param name="Intent">The trade as the signal proposes it.</param>
/// <param name="State">The deployment's positions and recent trades.</param>
/// <param name="AccountValueUsd">The user's account value when known, for percent-of-account limits.</param>
/// <param name="Now">Evaluation time (UTC).</param>
public sealed record PolicyContext(Signal Signal, AgentDeployment Deployment, TradeIntent Intent, PolicyState State, decimal? AccountValueUsd, DateTimeOffset Now);
