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
            throw new MaxxitValidationException("weights.x", "must be in [0, 1]");
        }

        if (weights.Research is < 0m or > 1m)
        {
            throw new MaxxitValidationException("weights.research", "must be in [0, 1]");
        }

        if (weights.X == 0m && weights.Research == 0m)
        {
            throw new MaxxitValidationException("weights", "must not all be zero");
        }

        var agent = new Agent
        {
            Id = Guid.NewGuid(),
            CreatorWallet = Check.Wallet(request.CreatorWallet, "creator_wallet"),
            Name = Check.Name(request.Name, "name"),
            Status = request.Status ?? AgentStatus.Active,
            XAccountIds = Check.Ids(request.XAccountIds, "x_account_ids"),
            ResearchInstituteIds = Check.Ids(request.ResearchInstituteIds, "research_institute_ids"),
            Weights = weights,
            ProfitReceiverAddress = Check.OptionalWallet(request.ProfitReceiverAddress, "profit_receiver_address"),
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
            Check.Wallet(query.CreatorWallet, "creator_wallet");
        }

        return _store.ListAgentsAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AgentDeployment> DeployAgentAsync(DeployAgentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agentId = Check.Id(request.AgentId, "agent_id");
        var userWallet = Check.Wallet(request.UserWallet, "user_wallet");
        var wallets = new Dictionary<Venue, VenueAgentWallet>();
        foreach (var (venue, input) in request.AgentWallets ?? new Dictionary<Venue, AgentKeyInput>())
        {
            wallets[venue] = ProtectWallet(userWallet, venue, input);
        }

        if (request.Policy is not null)
        {
            await _policyValidator.ValidateAsync(request.Policy, cancellationToken).ConfigureAwait(false);
        }

        _ = await _store.GetAgentAsync(agentId, cancellationToken).ConfigureAwait(false)
            ?? throw new MaxxitNotFoundException("agent", agentId.ToString(), "agent_id");
        var deployment = new AgentDeployment
        {
            Id = Guid.NewGuid(),
            AgentId = agentId,
            UserWallet = userWallet,
            AgentWallets = wallets,
            Policy = request.Policy,
            CreatedAt = _time.GetUtcNow(),
        };
        await _store.CreateDeploymentAsync(deployment, cancellationToken).ConfigureAwait(false);
        return deployment;
    }

    /// <inheritdoc />
    public async Task<AgentDeployment> UpdateDeploymentPolicyAsync(Guid deploymentId, DeploymentPolicy? policy, CancellationToken cancellationToken = default)
    {
        Check.Id(deploymentId, "deployment_id");
        if (policy is not null)
        {
            await _policyValidator.ValidateAsync(policy, cancellationToken).ConfigureAwait(false);
        }

        await _store.UpdateDeploymentPolicyAsync(deploymentId, policy, cancellationToken).ConfigureAwait(false);
        return await _store.GetDeploymentAsync(deploymentId, cancellationToken).ConfigureAwait(false)
            ?? throw new MaxxitNotFoundException("deployment", deploymentId.ToString(), "deployment_id");
    }

    /// <inheritdoc />
    public async Task<Signal> GenerateSignalAsync(GenerateSignalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agentId = Check.Id(request.AgentId, "agent_id");
        var token = Check.Token(request.TokenSymbol, "token_symbol");
        var side = Check.Side(request.Side, "side");
        var size = request.SizeModel ?? throw new MaxxitValidationException("size_model", "is required");
        if (!string.Equals(size.Type, SizeModel.Percentage, StringComparison.OrdinalIgnoreCase))
        {
            throw new MaxxitValidationException("size_model.type", $"must be '{SizeModel.Percentage}'");
        }

        Check.SizePercent(size.Value, "size_model.value");
        var risk = request.RiskModel ?? throw new MaxxitValidationException("risk_model", "is required");
        var riskType = risk.Type?.ToLowerInvariant();
        if (riskType is not (RiskModel.TrailingStop or RiskModel.StopLossType or RiskModel.TakeProfitType))
        {
            throw new MaxxitValidationException("risk_model.type", $"must be {RiskModel.TrailingStop}, {RiskModel.StopLossType} or {RiskModel.TakeProfitType}");
        }

        Check.Fraction(risk.Stop, "risk_model.stop");
        if (risk.StopLoss is { } sl)
        {
            Check.Fraction(sl, "risk_model.stop_loss");
        }

        if (risk.TakeProfit is { } tp && tp is <= 0m or > 10m)
        {
            throw new MaxxitValidationException("risk_model.take_profit", "must be in (0, 10]");
        }

        var confidence = Check.Confidence(request.Confidence, "confidence");
        var signal = new Signal
        {
            Id = Guid.NewGuid(),
            AgentId = agentId,
            TokenSymbol = token,
            Side = side,
            SizeModel = new SizeModel(SizeModel.Percentage, size.Value),
            RiskModel = risk with { Type = riskType },
            Confidence = confidence,
            Reasoning = request.Reasoning,
            SourceTweets = Check.Ids(request.SourceTweets, "source_tweets"),
            SourceResearch = Check.Ids(request.SourceResearch, "source_research"),
            CreatedAt = _time.GetUtcNow(),
        };
        await _store.CreateSignalAsync(signal, cancellationToken).ConfigureAwait(false);
        return signal;
    }

    /// <inheritdoc />
    public Task<ExecutionResult> ExecuteTradeAsync(Guid signalId, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(Check.Id(signalId, "signal_id"), cancellationToken);

    /// <inheritdoc />
    public Task<OverviewStats> GetOverviewAsync(CancellationToken cancellationToken = default) => _store.GetOverviewAsync(cancellationToken);

    /// <inheritdoc />
    public Task<RoutingHistoryPage> GetRoutingHistoryAsync(RoutingHistoryQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new RoutingHistoryQuery();
        if (query.Limit is < 1 or > 1000)
        {
            throw new MaxxitValidationException("limit", "must be between 1 and 1000");
        }

        if (query.TokenSymbol is not null)
        {
            query = query with { TokenSymbol = Check.Token(query.TokenSymbol, "token_symbol") };
        }

        return _store.GetRoutingHistoryAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task SetRoutingConfigAsync(RoutingConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.VenuePriority is null || config.VenuePriority.Count == 0)
        {
            throw new MaxxitValidationException("venue_priority", "must list at least one venue");
        }

        if (config.VenuePriority.Any(v => !v.IsConcrete) || config.VenuePriority.Distinct().Count() != config.VenuePriority.Count)
        {
            throw new MaxxitValidationException("venue_priority", "must list distinct concrete venues (not MULTI)");
        }

        if (config.VenuePriority.Count > Routing.VenueRanking.Capacity)
        {
            throw new MaxxitValidationException("venue_priority", $"lists at most {Routing.VenueRanking.Capacity} venues");
        }

        if (!Enum.IsDefined(config.Strategy))
        {
            throw new MaxxitValidationException("routing_strategy", $"{(int)config.Strategy} is not a routing strategy (FIRST_AVAILABLE or BEST_EXECUTION)");
        }

        await _store.UpsertRoutingConfigAsync(config, cancellationToken).ConfigureAwait(false);
        _routingConfigs.Set(config);
    }

    /// <inheritdoc />
    public async Task<Position> ClosePositionAsync(Guid positionId, CancellationToken cancellationToken = default)
    {
        Check.Id(positionId, "position_id");
        var position = await _store.GetPositionAsync(positionId, cancellationToken).ConfigureAwait(false)
            ?? throw new MaxxitNotFoundException("position", positionId.ToString(), "position_id");
        if (position.Status != PositionStatus.Open)
        {
            throw new MaxxitConflictException("position_id", $"position {positionId} is {position.Status.ToString().ToUpperInvariant()}, not OPEN");
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
                throw new MaxxitConflictException("position_id", $"position {positionId} is being closed by another closer or is closed already");
        }
    }

    private VenueAgentWallet ProtectWallet(string userWallet, Venue venue, AgentKeyInput input)
    {
        if (!venue.IsConcrete)
        {
            throw new MaxxitValidationException("agent_wallets", $"{venue} is not a venue an agent wallet can trade on");
        }

        var prefix = venue.Name.ToLowerInvariant();

        var address = Check.Wallet(input.Address, $"{prefix}_agent_address");
        if (input.PrivateKey is not null && input.EncryptedKey is not null)
        {
            throw new MaxxitValidationException($"{prefix}_agent_key", "give a plain key or an encrypted triple, not both");
        }

        var binding = new AgentKeyBinding(userWallet, venue, address);
        if (input.EncryptedKey is { } encrypted)
        {
            // An unbound (legacy) triple could belong to anyone, so deploy takes only triples bound to this owner.
            if (encrypted.IsLegacy)
            {
                throw new MaxxitValidationException($"{prefix}_agent_key_id", "is required: encrypt the key for this user wallet, venue and agent address (encrypt-key)");
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
                throw new MaxxitValidationException($"{prefix}_agent_{ex.Field}", ex.Reason);
            }

            using (plain)
            {
                // A triple made under a previous master key is stored re-encrypted under the current one.
                return new VenueAgentWallet(address, bound.KeyId == _keys.CurrentKeyId ? bound : _keys.Protect(plain.Span, binding));
            }
        }

        if (input.PrivateKey is { } hex)
        {
            var key = ParsePrivateKey(hex, $"{prefix}_agent_key");
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
