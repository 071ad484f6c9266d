using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;

namespace Maxxit.Sdk.Client;

/// <summary>
/// The client-facing operations of the original V3 API. Bad input throws
/// <see cref="Errors.MaxxitValidationException"/> (the C# member path of the bad value, e.g. <c>GenerateSignalRequest.RiskModel.Stop</c>, and the reason), unknown ids <see cref="Errors.MaxxitNotFoundException"/>,
/// duplicates <see cref="Errors.MaxxitConflictException"/>; none of them writes anything.
/// </summary>
public interface IMaxxitClient
{
    /// <summary>Creates a venue-agnostic agent.</summary>
    Task<Agent> CreateAgentAsync(CreateAgentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists agents, newest first.</summary>
    Task<IReadOnlyList<Agent>> ListAgentsAsync(AgentQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Deploys an agent to a user wallet (one deployment per agent and wallet). Keys are encrypted before they are stored.</summary>
    Task<AgentDeployment> DeployAgentAsync(DeployAgentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Replaces a deployment's policy (null: pass-through).</summary>
    Task<AgentDeployment> UpdateDeploymentPolicyAsync(Guid deploymentId, DeploymentPolicy? policy, CancellationToken cancellationToken = default);

    /// <summary>Stores a manual signal (requested venue MULTI, status PENDING).</summary>
    Task<Signal> GenerateSignalAsync(GenerateSignalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Executes a signal with routing for every ACTIVE deployment of its agent.</summary>
    Task<ExecutionResult> ExecuteTradeAsync(Guid signalId, CancellationToken cancellationToken = default);

    /// <summary>System counts.</summary>
    Task<OverviewStats> GetOverviewAsync(CancellationToken cancellationToken = default);

    /// <summary>Routing history with a per-venue summary.</summary>
    Task<RoutingHistoryPage> GetRoutingHistoryAsync(RoutingHistoryQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes an OPEN position on its venue now (reason MANUAL) and returns it CLOSED with exit price and PnL.
    /// </summary>
    /// <exception cref="Errors.MaxxitNotFoundException">No such position (field <c>positionId</c>).</exception>
    /// <exception cref="Errors.MaxxitConflictException">The position is not OPEN (closing, closed, opening or failed).</exception>
    /// <exception cref="Errors.VenueException">The venue refused the close; the position stays CLOSING and the monitor retries it.</exception>
    Task<Position> ClosePositionAsync(Guid positionId, CancellationToken cancellationToken = default);

    /// <summary>Sets an agent's routing config (or the global default when its agent id is null).</summary>
    Task SetRoutingConfigAsync(RoutingConfig config, CancellationToken cancellationToken = default);
}
