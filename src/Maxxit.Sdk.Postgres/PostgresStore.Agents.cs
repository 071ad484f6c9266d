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
    private string? _replaceKey;

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
        var wallets = (deployment.AgentWallets ?? new Dictionary<Venue, VenueAgentWallet>()).ToArray();
        var venues = wallets.Select(w => DbNames.Venue(w.Key, "agent_wallets")).ToArray();
        return OnceAsync(async ct =>
        {
            // One statement: the deployment and its wallets are written together or not at all.
            await using var cmd = Command(InsertDeploymentSql);
            cmd.Parameters.Uuid(deployment.Id).Uuid(deployment.AgentId).Text(deployment.UserWallet).Text(DbNames.DeploymentStatus(deployment.Status)).Bool(deployment.SubActive)
                .Jsonb(deployment.Policy is null ? null : Json.Write(deployment.Policy)).Time(deployment.CreatedAt)
                .TextArray(venues)
                .TextArray(wallets.Select(w => w.Value.Address).ToArray())
                .NullableTextArray(wallets.Select(w => w.Value.EncryptedKey?.Ciphertext).ToArray())
                .NullableTextArray(wallets.Select(w => w.Value.EncryptedKey?.Iv).ToArray())
                .NullableTextArray(wallets.Select(w => w.Value.EncryptedKey?.Tag).ToArray())
                .NullableTextArray(wallets.Select(w => w.Value.EncryptedKey?.KeyId).ToArray());
            try
            {
                return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidTextRepresentation && ex.MessageText.Contains("venue_v3_t", StringComparison.Ordinal))
            {
                throw new MaxxitValidationException("agent_wallets", "names a venue the database does not know yet: register its adapter and migrate (which adds it to venue_v3_t)");
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
        await using var cmd = Command($"SELECT {sql.DeploymentColumns} FROM {sql.Deployments} d WHERE d.id = $1");
        cmd.Parameters.Uuid(deploymentId);
        return await SingleAsync(cmd, Rows.Deployment, ct).ConfigureAwait(false);
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentDeployment>> ListDeploymentsAsync(Guid agentId, DeploymentStatus? status, CancellationToken cancellationToken) =>
        RetriedAsync<IReadOnlyList<AgentDeployment>>(async ct =>
        {
            await using var cmd = Command(status is null
                ? $"SELECT {sql.DeploymentColumns} FROM {sql.Deployments} d WHERE d.agent_id = $1 ORDER BY d.created_at, d.id"
                : $"SELECT {sql.DeploymentColumns} FROM {sql.Deployments} d WHERE d.agent_id = $1 AND d.status = $2 ORDER BY d.created_at, d.id");
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
            await using var cmd = Command($"SELECT {sql.DeploymentColumns} FROM {sql.Deployments} d "
                + "WHERE ($1::uuid IS NULL OR d.id > $1) "
                + $"AND EXISTS (SELECT 1 FROM {sql.Wallets} w WHERE w.deployment_id = d.id AND w.key_ciphertext IS NOT NULL) "
                + "ORDER BY d.id LIMIT $2");
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
        // The copy a deployment written before migration 007 still holds in its deprecated columns is cleared with it:
        // a key rotated away from a master key must not stay readable under that key.
        var name = DbNames.Venue(venue, "venue");
        return RetriedAsync(async ct =>
        {
            await using var cmd = Command(ReplaceAgentKeySql);
            cmd.Parameters.Uuid(deploymentId).Text(name).Text(replacement.Ciphertext).Text(replacement.Iv).Text(replacement.Tag).Text(replacement.KeyId)
                .Text(expected.Ciphertext).Text(expected.Iv).Text(expected.Tag).Text(expected.KeyId);
            return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))! == 1;
        }, cancellationToken);
    }

    private string InsertDeploymentSql => _insertDeployment ??=
        $"WITH d AS (INSERT INTO {sql.Deployments} (id, agent_id, user_wallet, status, sub_active, policy, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id) "
        + $"INSERT INTO {sql.Wallets} (deployment_id, venue, agent_address, key_ciphertext, key_iv, key_tag, key_id) "
        + $"SELECT d.id, w.venue{sql.Venue}, w.address, w.ciphertext, w.iv, w.tag, w.key_id FROM d, "
        + "unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[]) AS w (venue, address, ciphertext, iv, tag, key_id)";

    private string ReplaceAgentKeySql => _replaceKey ??=
        $"WITH w AS (UPDATE {sql.Wallets} SET key_ciphertext = $3, key_iv = $4, key_tag = $5, key_id = $6 "
        + $"WHERE deployment_id = $1 AND venue = $2{sql.Venue} AND key_ciphertext = $7 AND key_iv = $8 AND key_tag = $9 AND key_id IS NOT DISTINCT FROM $10 RETURNING deployment_id), "
        + $"legacy AS (UPDATE {sql.Deployments} SET "
        + "hyperliquid_key_ciphertext = CASE WHEN $2 = 'HYPERLIQUID' THEN NULL ELSE hyperliquid_key_ciphertext END, "
        + "hyperliquid_key_iv = CASE WHEN $2 = 'HYPERLIQUID' THEN NULL ELSE hyperliquid_key_iv END, "
        + "hyperliquid_key_tag = CASE WHEN $2 = 'HYPERLIQUID' THEN NULL ELSE hyperliquid_key_tag END, "
        + "hyperliquid_key_id = CASE WHEN $2 = 'HYPERLIQUID' THEN NULL ELSE hyperliquid_key_id END, "
        + "ostium_key_ciphertext = CASE WHEN $2 = 'OSTIUM' THEN NULL ELSE ostium_key_ciphertext END, "
        + "ostium_key_iv = CASE WHEN $2 = 'OSTIUM' THEN NULL ELSE ostium_key_iv END, "
        + "ostium_key_tag = CASE WHEN $2 = 'OSTIUM' THEN NULL ELSE ostium_key_tag END, "
        + "ostium_key_id = CASE WHEN $2 = 'OSTIUM' THEN NULL ELSE ostium_key_id END, "
        + "other_agent_wallets = other_agent_wallets - $2 "
        + "WHERE id IN (SELECT deployment_id FROM w)) "
        + "SELECT count(*) FROM w";

    private static string Where(List<string> conditions) => conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
}
