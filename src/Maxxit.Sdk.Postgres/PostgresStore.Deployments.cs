using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Postgres.Internal;

namespace Maxxit.Sdk.Postgres;

/// <summary>Deployments read across agents.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<AgentDeployment>> ListAllDeploymentsAsync(CancellationToken cancellationToken) =>
        RetriedAsync<IReadOnlyList<AgentDeployment>>(async ct =>
        {
            await using var cmd = Command($"SELECT {sql.DeploymentColumns} FROM {sql.Deployments} d ORDER BY d.created_at, d.id");
            return await ListAsync(cmd, Rows.Deployment, ct).ConfigureAwait(false);
        }, cancellationToken);
}
