using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Storage;

/// <summary>What an executor reads before it claims a signal: the signal and its agent's ACTIVE deployments, read together.</summary>
/// <param name="Signal">The signal as it is now (not claimed).</param>
/// <param name="Deployments">The agent's ACTIVE deployments, oldest first.</param>
public sealed record ExecutionSnapshot(Signal Signal, IReadOnlyList<AgentDeployment> Deployments);
