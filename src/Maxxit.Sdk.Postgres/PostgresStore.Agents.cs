using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Postgres.Internal;
using Npgsql;

namespace Maxxit.Sdk.Postgres;

/// <summary>Agents and deployments.</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task CreateAgentAsync(Agent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return OnceAsync(async ct =>
        {
            await using var cmd = Command(sql.InsertAgent);
            cmd.Parameters.Uuid(agent.Id).Text(agent.CreatorWallet).Text(agent.Name).Text(DbNames.Venue(agent.Venue, "venue")).Text(DbNames.AgentStatus(agent.Status))
                .TextArray(agent.XAccountIds).TextArray(agent.ResearchInstituteIds).Jsonb(Json.Write(agent.Weights))
                .Num(agent.Metrics.Apr30d).Num(agent.Metrics.Apr90d).Num(agent.Metrics.Sharpe30d).Text(agent.ProfitReceiverAddress).Time(agent.CreatedAt);
            try
            {
                return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (PgErrors.Map(ex, ("agent_id", agent.Id)) is { } mapped)
            {
                throw mapped;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Agent?> GetAgentAsync(Guid agentId, CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var cmd = Command($"SELECT {Columns.Agent} FROM {sql.Agents} WHERE id = $1");
        cmd.Parameters.Uuid(agentId);
        return await SingleAsync(cmd, Rows.Agent, ct).ConfigureAwait(false);
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Agent>> ListAgentsAsync(AgentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RetriedAsync<IReadOnlyList<Agent>>(async ct =>
        {
            var where = new List<string>();
            await using var cmd = Command(string.Empty);
            if (query.CreatorWallet is not null)
            {
                cmd.Parameters.Text(query.CreatorWallet);
                where.Add($"lower(creator_wallet) = lower(${cmd.Parameters.Count})");
            }

            if (query.Status is { } status)
            {
                cmd.Parameters.Text(DbNames.AgentStatus(status));
                where.Add($"status = ${cmd.Parameters.Count}");
            }

            cmd.CommandText = $"SELECT {Columns.Agent} FROM {sql.Agents} {Where(where)} ORDER BY created_at DESC, id";
            return await ListAsync(cmd, Rows.Agent, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateAgentMetricsAsync(Guid agentId, AgentMetrics metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return RetriedAsync(async ct =>
        {
            await using var cmd = Command($"UPDATE {sql.Agents} SET apr_30d = $2, apr_90d = $3, sharpe_30d = $4 WHERE id = $1");
            cmd.Parameters.Uuid(agentId).Num(metrics.Apr30d).Num(metrics.Apr90d).Num(metrics.Sharpe30d);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1
                ? true
                : throw new MaxxitNotFoundException("agent", agentId.ToString(), "agent_id");
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task CreateDeploymentAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return OnceAsync(async ct =>
        {
            var wallets = deployment.AgentWallets ?? new Dictionary<Venue, VenueAgentWallet>();
            var hl = wallets.GetValueOrDefault(Venue.Hyperliquid);
            var os = wallets.GetValueOrDefault(Venue.Ostium);
            var others = wallets.Where(kv => kv.Key is not (Venue.Hyperliquid or Venue.Ostium))
                .ToDictionary(kv => DbNames.Venue(kv.Key, "agent_wallets"), kv => kv.Value);
            await using var cmd = Command(sql.InsertDeployment);
            cmd.Parameters.Uuid(deployment.Id).Uuid(deployment.AgentId).Text(deployment.UserWallet).Text(DbNames.DeploymentStatus(deployment.Status)).Bool(deployment.SubActive)
                .Text(hl?.Address).Text(hl?.EncryptedKey?.Ciphertext).Text(hl?.EncryptedKey?.Iv).Text(hl?.EncryptedKey?.Tag)
                .Text(os?.Address).Text(os?.EncryptedKey?.Ciphertext).Text(os?.EncryptedKey?.Iv).Text(os?.EncryptedKey?.Tag)
                .Jsonb(Json.Write(others)).Jsonb(deployment.Policy is null ? null : Json.Write(deployment.Policy)).Time(deployment.CreatedAt);
            try
            {
                return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (PgErrors.Map(ex, ("agent_id", deployment.AgentId), ("deployment_id", deployment.Id)) is { } mapped)
            {
                throw mapped;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AgentDeployment?> GetDeploymentAsync(Guid deploymentId, CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var cmd = Command($"SELECT {Columns.Deployment} FROM {sql.Deployments} WHERE id = $1");
        cmd.Parameters.Uuid(deploymentId);
        return await SingleAsync(cmd, Rows.Deployment, ct).ConfigureAwait(false);
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentDeployment>> ListDeploymentsAsync(Guid agentId, DeploymentStatus? status, CancellationToken cancellationToken) =>
        RetriedAsync<IReadOnlyList<AgentDeployment>>(async ct =>
        {
            await using var cmd = Command(status is null
                ? $"SELECT {Columns.Deployment} FROM {sql.Deployments} WHERE agent_id = $1 ORDER BY created_at, id"
                : $"SELECT {Columns.Deployment} FROM {sql.Deployments} WHERE agent_id = $1 AND status = $2 ORDER BY created_at, id");
            cmd.Parameters.Uuid(agentId);
            if (status is { } s)
            {
                cmd.Parameters.Text(DbNames.DeploymentStatus(s));
            }

            return await ListAsync(cmd, Rows.Deployment, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task UpdateDeploymentPolicyAsync(Guid deploymentId, DeploymentPolicy? policy, CancellationToken cancellationToken) => RetriedAsync(async ct =>
    {
        await using var cmd = Command($"UPDATE {sql.Deployments} SET policy = $2 WHERE id = $1");
        cmd.Parameters.Uuid(deploymentId).Jsonb(policy is null ? null : Json.Write(policy));
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1
            ? true
            : throw new MaxxitNotFoundException("deployment", deploymentId.ToString(), "deployment_id");
    }, cancellationToken);

    private static string Where(List<string> conditions) => conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
}
