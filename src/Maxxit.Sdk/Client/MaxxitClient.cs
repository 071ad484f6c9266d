using System.Globalization;
using System.Security.Cryptography;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Metrics;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Stats;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Validation;

namespace Maxxit.Sdk.Client;

/// <summary>The default <see cref="IMaxxitClient"/>: validates input completely before anything is written.</summary>
public sealed class MaxxitClient : IMaxxitClient
{
    private const string PolicyRoot = nameof(DeploymentPolicy) + ".";
    private readonly IMaxxitStore _store;
    private readonly ITradeExecutor _executor;
    private readonly IAgentKeyProtector _keys;
    private readonly RoutingConfigCache _routingConfigs;
    private readonly IPolicyValidator _policyValidator;
    private readonly TimeProvider _time;
    private readonly PositionCloser _closer;
    private readonly AgentMetricsUpdater _metrics;

    /// <summary>Creates the client.</summary>
    public MaxxitClient(IMaxxitStore store, ITradeExecutor executor, IAgentKeyProtector keys, RoutingConfigCache routingConfigs, IPolicyValidator policyValidator, TimeProvider time, PositionCloser closer, AgentMetricsUpdater metrics)
    {
        _closer = closer;
        _metrics = metrics;
        _store = store;
        _executor = executor;
        _keys = keys;
        _routingConfigs = routingConfigs;
        _policyValidator = policyValidator;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<Agent> CreateAgentAsync(CreateAgentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var weights = request.Weights ?? new AgentWeights(1m, 0m);
        if (weights.X is < 0m or > 1m)
        {
            throw new MaxxitValidationException("CreateAgentRequest.Weights.X", "must be in [0, 1]");
        }

        if (weights.Research is < 0m or > 1m)
        {
            throw new MaxxitValidationException("CreateAgentRequest.Weights.Research", "must be in [0, 1]");
        }

        if (weights.X == 0m && weights.Research == 0m)
        {
            throw new MaxxitValidationException("CreateAgentRequest.Weights", "must not all be zero");
        }

        var agent = new Agent
        {
            Id = Guid.NewGuid(),
            CreatorWallet = Check.Wallet(request.CreatorWallet, "CreateAgentRequest.CreatorWallet"),
            Name = Check.Name(request.Name, "CreateAgentRequest.Name"),
            Status = request.Status ?? AgentStatus.Active,
            XAccountIds = Check.Ids(request.XAccountIds, "CreateAgentRequest.XAccountIds"),
            ResearchInstituteIds = Check.Ids(request.ResearchInstituteIds, "CreateAgentRequest.ResearchInstituteIds"),
            Weights = weights,
            ProfitReceiverAddress = Check.OptionalWallet(request.ProfitReceiverAddress, "CreateAgentRequest.ProfitReceiverAddress"),
            CreatedAt = _time.GetUtcNow(),
        };
        await _store.CreateAgentAsync(agent, cancellationToken).ConfigureAwait(false);
        return agent;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Agent>> ListAgentsAsync(AgentQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new AgentQuery();
        if (query.CreatorWallet is not null)
        {
            Check.Wallet(query.CreatorWallet, "AgentQuery.CreatorWallet");
        }

        return _store.ListAgentsAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AgentDeployment> DeployAgentAsync(DeployAgentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agentId = Check.Id(request.AgentId, "DeployAgentRequest.AgentId");
        var userWallet = Check.Wallet(request.UserWallet, "DeployAgentRequest.UserWallet");
        var wallets = new Dictionary<Venue, VenueAgentWallet>();
        foreach (var (venue, input) in request.AgentWallets ?? new Dictionary<Venue, AgentKeyInput>())
        {
            wallets[venue] = ProtectWallet(userWallet, venue, input);
        }

        if (request.Policy is not null)
        {
            try
            {
                await _policyValidator.ValidateAsync(request.Policy, cancellationToken).ConfigureAwait(false);
            }
            catch (MaxxitValidationException ex) when (ex.Field.StartsWith(PolicyRoot, StringComparison.Ordinal))
            {
                // The validator names the policy's own member (DeploymentPolicy.MaxLeverage); here it is this request's.
                throw new MaxxitValidationException($"{nameof(DeployAgentRequest)}.{nameof(DeployAgentRequest.Policy)}{ex.Field[nameof(DeploymentPolicy).Length..]}", ex.Reason);
            }
        }

        _ = await _store.GetAgentAsync(agentId, cancellationToken).ConfigureAwait(false)
            ?? throw new MaxxitNotFoundException("agent", agentId.ToString(), "DeployAgentRequest.AgentId");
        var deployment = new AgentDeployment
        {
            Id = Guid.NewGuid(),
            AgentId = agentId,
            UserWallet = userWallet,
            AgentWallets = wallets,
            Policy = request.Policy,
            CreatedAt = _time.GetUtcNow(),
        };
        await InRequestTermsAsync(() => _store.CreateDeploymentAsync(deployment, cancellationToken), nameof(DeployAgentRequest)).ConfigureAwait(false);
        return deployment;
    }

    /// <inheritdoc />
    public async Task<AgentDeployment> UpdateDeploymentPolicyAsync(Guid deploymentId, DeploymentPolicy? policy, CancellationToken cancellationToken = default)
    {
        Check.Id(deploymentId, nameof(deploymentId));
        if (policy is not null)
        {
            await _policyValidator.ValidateAsync(policy, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await _store.UpdateDeploymentPolicyAsync(deploymentId, policy, cancellationToken).ConfigureAwait(false);
        }
        catch (MaxxitNotFoundException ex)
        {
            throw new MaxxitNotFoundException(ex.Entity, ex.Id, nameof(deploymentId));
        }

        return await _store.GetDeploymentAsync(deploymentId, cancellationToken).ConfigureAwait(false)
            ?? throw new MaxxitNotFoundException("deployment", deploymentId.ToString(), nameof(deploymentId));
    }

    /// <inheritdoc />
    public async Task<Signal> GenerateSignalAsync(GenerateSignalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signal = SignalValidator.ToSignal(request, _time.GetUtcNow());
        await InRequestTermsAsync(() => _store.CreateSignalAsync(signal, cancellationToken), nameof(GenerateSignalRequest)).ConfigureAwait(false);
        return signal;
    }

    /// <inheritdoc />
    public Task<ExecutionResult> ExecuteTradeAsync(Guid signalId, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(Check.Id(signalId, nameof(signalId)), cancellationToken);

    /// <inheritdoc />
    public Task<OverviewStats> GetOverviewAsync(CancellationToken cancellationToken = default) => _store.GetOverviewAsync(cancellationToken);

    /// <inheritdoc />
    public Task<RoutingHistoryPage> GetRoutingHistoryAsync(RoutingHistoryQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new RoutingHistoryQuery();
        if (query.Limit is < 1 or > 1000)
        {
            throw new MaxxitValidationException("RoutingHistoryQuery.Limit", "must be between 1 and 1000");
        }

        if (query.TokenSymbol is not null)
        {
            query = query with { TokenSymbol = Check.Token(query.TokenSymbol, "RoutingHistoryQuery.TokenSymbol") };
        }

        return _store.GetRoutingHistoryAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task SetRoutingConfigAsync(RoutingConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.VenuePriority is null || config.VenuePriority.Count == 0)
        {
            throw new MaxxitValidationException("RoutingConfig.VenuePriority", "must list at least one venue");
        }

        if (config.VenuePriority.Any(v => !v.IsConcrete) || config.VenuePriority.Distinct().Count() != config.VenuePriority.Count)
        {
            throw new MaxxitValidationException("RoutingConfig.VenuePriority", "must list distinct concrete venues (not MULTI)");
        }

        if (config.VenuePriority.Count > Routing.VenueRanking.Capacity)
        {
            throw new MaxxitValidationException("RoutingConfig.VenuePriority", $"lists at most {Routing.VenueRanking.Capacity} venues");
        }

        if (!Enum.IsDefined(config.Strategy))
        {
            throw new MaxxitValidationException("RoutingConfig.Strategy", $"{(int)config.Strategy} is not a routing strategy (FIRST_AVAILABLE or BEST_EXECUTION)");
        }

        await _store.UpsertRoutingConfigAsync(config, cancellationToken).ConfigureAwait(false);
        _routingConfigs.Set(config);
    }

    /// <inheritdoc />
    public async Task<Position> ClosePositionAsync(Guid positionId, CancellationToken cancellationToken = default)
    {
        Check.Id(positionId, nameof(positionId));
        var position = await _store.GetPositionAsync(positionId, cancellationToken).ConfigureAwait(false)
            ?? throw new MaxxitNotFoundException("position", positionId.ToString(), nameof(positionId));
        if (position.Status != PositionStatus.Open)
        {
            throw new MaxxitConflictException(nameof(positionId), $"position {positionId} is {position.Status.ToString().ToUpperInvariant()}, not OPEN");
        }

        var result = await _closer.CloseAsync(positionId, CloseReason.Manual, null, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case PositionCloseOutcome.Closed:
                await _metrics.UpdateAsync(result.AgentId!.Value, cancellationToken).ConfigureAwait(false);
                return result.Position!;
            case PositionCloseOutcome.Pending:
                // Accepted by the venue, filled later: the position stays CLOSING until fill confirmation records the exit.
                return result.Position!;
            case PositionCloseOutcome.NeedsReconciliation:
                throw new VenueException(position.Venue, $"the close of position {positionId} did not go through: {result.Position?.FailureReason}", "the position needs reconciliation; check it on the venue");
            default:
                throw new MaxxitConflictException(nameof(positionId), $"position {positionId} is being closed by another closer or is closed already");
        }
    }

    /// <summary>
    /// Runs a store write, renaming the store's column in its not-found and conflict errors (<c>agent_id</c>,
    /// <c>user_wallet</c>) to the member of <paramref name="request"/> that carried the value.
    /// </summary>
    private static async Task InRequestTermsAsync(Func<Task> write, string request)
    {
        try
        {
            // Called inside the try: a store may throw before it returns a task.
            await write().ConfigureAwait(false);
        }
        catch (MaxxitNotFoundException ex) when (StoreColumnMember(ex.Field) is { } member)
        {
            throw new MaxxitNotFoundException(ex.Entity, ex.Id, $"{request}.{member}");
        }
        catch (MaxxitConflictException ex) when (StoreColumnMember(ex.Field) is { } member)
        {
            throw new MaxxitConflictException($"{request}.{member}", ex.Message);
        }
    }

    private static string? StoreColumnMember(string column) => column switch
    {
        "agent_id" => nameof(DeployAgentRequest.AgentId),
        "user_wallet" => nameof(DeployAgentRequest.UserWallet),
        _ => null,
    };

    private VenueAgentWallet ProtectWallet(string userWallet, Venue venue, AgentKeyInput input)
    {
        var path = $"{nameof(DeployAgentRequest)}.{nameof(DeployAgentRequest.AgentWallets)}[{venue.Name}]";
        if (!venue.IsConcrete)
        {
            throw new MaxxitValidationException(path, $"{venue} is not a venue an agent wallet can trade on");
        }

        var address = Check.Wallet(input.Address, $"{path}.{nameof(input.Address)}");
        if (input.PrivateKey is not null && input.EncryptedKey is not null)
        {
            throw new MaxxitValidationException($"{path}.{nameof(input.PrivateKey)}", "give a plain key or an encrypted triple, not both");
        }

        var binding = new AgentKeyBinding(userWallet, venue, address);
        if (input.EncryptedKey is { } encrypted)
        {
            // An unbound (legacy) triple could belong to anyone, so deploy takes only triples bound to this owner.
            if (encrypted.IsLegacy)
            {
                throw new MaxxitValidationException($"{path}.{nameof(input.EncryptedKey)}.{nameof(encrypted.KeyId)}", "is required: encrypt the key for this user wallet, venue and agent address (encrypt-key)");
            }

            // The binding is this deployment's, whatever the caller sent; one error for every failure, so that the
            // answer never tells whether the triple decrypts under this host's master key for someone else.
            var bound = encrypted with { Binding = binding };
            SecretBytes plain;
            try
            {
                plain = _keys.Unprotect(bound, binding);
            }
            catch (MaxxitValidationException ex)
            {
                // The protector names the secret's own member (EncryptedSecret.Ciphertext); here it is this wallet's.
                var member = ex.Field.StartsWith(nameof(EncryptedSecret), StringComparison.Ordinal) ? ex.Field[nameof(EncryptedSecret).Length..] : string.Empty;
                throw new MaxxitValidationException($"{path}.{nameof(input.EncryptedKey)}{member}", ex.Reason);
            }

            using (plain)
            {
                // A triple made under a previous master key is stored re-encrypted under the current one.
                return new VenueAgentWallet(address, bound.KeyId == _keys.CurrentKeyId ? bound : _keys.Protect(plain.Span, binding));
            }
        }

        if (input.PrivateKey is { } hex)
        {
            var key = ParsePrivateKey(hex, $"{path}.{nameof(input.PrivateKey)}");
            try
            {
                return new VenueAgentWallet(address, _keys.Protect(key, binding));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        return new VenueAgentWallet(address, null);
    }

    private static byte[] ParsePrivateKey(string hex, string field)
    {
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length != 64 || !digits.All(char.IsAsciiHexDigit))
        {
            throw new MaxxitValidationException(field, "must be 32 bytes as 64 hex digits");
        }

        return Convert.FromHexString(digits);
    }
}
