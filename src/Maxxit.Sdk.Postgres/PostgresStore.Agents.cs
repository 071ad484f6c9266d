using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Security;
using Npgsql;

namespace Maxxit.Sdk.Postgres;

/// <summary>Agents, deployments and their agent keys.</summary>
public sealed partial class PostgresStore : IAgentKeyStore
{
    private string? _insertDeployment;

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
            await using var cmd = Command(InsertDeploymentSql);
            cmd.Parameters.Uuid(deployment.Id).Uuid(deployment.AgentId).Text(deployment.UserWallet).Text(DbNames.DeploymentStatus(deployment.Status)).Bool(deployment.SubActive)
                .Text(hl?.Address).Text(hl?.EncryptedKey?.Ciphertext).Text(hl?.EncryptedKey?.Iv).Text(hl?.EncryptedKey?.Tag)
                .Text(os?.Address).Text(os?.EncryptedKey?.Ciphertext).Text(os?.EncryptedKey?.Iv).Text(os?.EncryptedKey?.Tag)
                .Jsonb(Json.Write(others)).Jsonb(deployment.Policy is null ? null : Json.Write(deployment.Policy)).Time(deployment.CreatedAt)
                .Text(hl?.EncryptedKey?.KeyId).Text(os?.EncryptedKey?.KeyId);
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

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentDeployment>> ListDeploymentsWithKeysAsync(Guid? afterDeploymentId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return RetriedAsync<IReadOnlyList<AgentDeployment>>(async ct =>
        {
            await using var cmd = Command($"SELECT {Columns.Deployment} FROM {sql.Deployments} "
                + "WHERE ($1::uuid IS NULL OR id > $1) "
                + "AND (hyperliquid_key_ciphertext IS NOT NULL OR ostium_key_ciphertext IS NOT NULL OR other_agent_wallets <> '{}'::jsonb) "
                + "ORDER BY id LIMIT $2");
            cmd.Parameters.Uuid(afterDeploymentId).Int(limit);
            var page = await ListAsync(cmd, Rows.Deployment, ct).ConfigureAwait(false);
            return page;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReplaceAgentKeyAsync(Guid deploymentId, Venue venue, EncryptedSecret expected, EncryptedSecret replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(replacement);

        // Conditional on the stored ciphertext, so a key re-deployed or rotated by another host meanwhile is not overwritten.
        return RetriedAsync(async ct =>
        {
            await using var cmd = Command(string.Empty);
            if (venue is Venue.Hyperliquid or Venue.Ostium)
            {
                var c = venue == Venue.Hyperliquid ? "hyperliquid" : "ostium";
                cmd.CommandText = $"UPDATE {sql.Deployments} SET {c}_key_ciphertext = $2, {c}_key_iv = $3, {c}_key_tag = $4, {c}_key_id = $5 "
                    + $"WHERE id = $1 AND {c}_key_ciphertext = $6 AND {c}_key_iv = $7 AND {c}_key_tag = $8 AND {c}_key_id IS NOT DISTINCT FROM $9";
                cmd.Parameters.Uuid(deploymentId).Text(replacement.Ciphertext).Text(replacement.Iv).Text(replacement.Tag).Text(replacement.KeyId)
                    .Text(expected.Ciphertext).Text(expected.Iv).Text(expected.Tag).Text(expected.KeyId);
            }
            else
            {
                cmd.CommandText = $"UPDATE {sql.Deployments} SET other_agent_wallets = jsonb_set(other_agent_wallets, ARRAY[$2::text, 'encrypted_key'], $3) "
                    + "WHERE id = $1 AND other_agent_wallets -> $2 -> 'encrypted_key' ->> 'ciphertext' = $4 "
                    + "AND other_agent_wallets -> $2 -> 'encrypted_key' ->> 'key_id' IS NOT DISTINCT FROM $5";
                cmd.Parameters.Uuid(deploymentId).Text(DbNames.Venue(venue, "venue")).Jsonb(Json.Write(replacement)).Text(expected.Ciphertext).Text(expected.KeyId);
            }

            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    // The deployment insert with the key id columns of migration 004 (kept here, next to the agent-key code).
    private string InsertDeploymentSql => _insertDeployment ??=
        $"INSERT INTO {sql.Deployments} (id, agent_id, user_wallet, status, sub_active, hyperliquid_agent_address, hyperliquid_key_ciphertext, hyperliquid_key_iv, hyperliquid_key_tag, "
        + "ostium_agent_address, ostium_key_ciphertext, ostium_key_iv, ostium_key_tag, other_agent_wallets, policy, created_at, hyperliquid_key_id, ostium_key_id) "
        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";

    private static string Where(List<string> conditions) => conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
}
