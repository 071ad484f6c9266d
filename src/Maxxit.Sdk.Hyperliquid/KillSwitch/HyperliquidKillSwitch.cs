using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Hyperliquid.KillSwitch;

/// <summary>
/// Stops trading on Hyperliquid: cancels every resting order of one deployment's account or of many, and arms or disarms
/// the exchange's dead man's switch (<c>scheduleCancel</c>). Orders on Hyperliquid belong to the account (the
/// deployment's user wallet), not to the agent wallet that signed them, so "a deployment's orders" are all resting
/// orders of that account; deployments that share a user wallet share them.
/// </summary>
public sealed class HyperliquidKillSwitch
{
    /// <summary>The earliest a scheduled cancel may be set, ahead of now (the exchange's rule).</summary>
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromSeconds(5);

    private readonly HyperliquidInfoClient _info;
    private readonly HyperliquidExchangeClient _exchange;
    private readonly HyperliquidAgentWallets _wallets;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMaxxitStore _store;

    internal HyperliquidKillSwitch(
        HyperliquidInfoClient info, HyperliquidExchangeClient exchange, HyperliquidAgentWallets wallets, IMaxxitStore store, TimeProvider time, ILogger<HyperliquidKillSwitch> logger)
    {
        _store = store;
        _info = info;
        _exchange = exchange;
        _wallets = wallets;
        _time = time;
        _logger = logger;
    }

    /// <summary>Cancels every resting order of the deployment's account in one batched cancel (weight 1 + n/40).</summary>
    /// <param name="deployment">The deployment (its user wallet and Hyperliquid agent wallet).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many orders the exchange cancelled.</returns>
    public async Task<int> CancelAllAsync(AgentDeployment deployment, CancellationToken cancellationToken = default)
    {
        var user = HyperliquidAgentWallets.UserOf(deployment);
        HyperliquidAgentWallets.WalletOf(deployment);
        var open = await _info.GetOpenOrdersAsync(user, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return 0;
        }

        var assets = (await _info.GetMetaAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Name, a => a.Index, StringComparer.Ordinal);
        var cancels = open
            .Where(o => assets.ContainsKey(o.Coin))
            .Select(o => new CancelRequest(assets[o.Coin], o.OrderId))
            .ToList();
        if (cancels.Count == 0)
        {
            return 0;
        }

        using var key = _wallets.Decrypt(deployment);
        var results = await _exchange.CancelAsync(key, new CancelAction(cancels), cancellationToken: cancellationToken).ConfigureAwait(false);
        var cancelled = results.Count(r => r.Succeeded);
        _logger.LogWarning("Kill switch: cancelled {Cancelled} of {Open} resting Hyperliquid orders of {User} (deployment {Deployment})", cancelled, open.Count, user, deployment.Id);
        return cancelled;
    }

    /// <summary>
    /// Cancels every resting order of each deployment's account, one account at a time (each account once). A failure
    /// for one account is logged and does not stop the others.
    /// </summary>
    /// <param name="deployments">The deployments, e.g. every active one.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>How many orders were cancelled in all, and the accounts that could not be reached.</returns>
    public async Task<HyperliquidKillSwitchResult> CancelAllAsync(IEnumerable<AgentDeployment> deployments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        var cancelled = 0;
        var failed = new List<string>();
        foreach (var deployment in deployments.Where(d => d.AgentWallets.ContainsKey(Venue.Hyperliquid)).DistinctBy(d => d.UserWallet.ToLowerInvariant()))
        {
            try
            {
                cancelled += await CancelAllAsync(deployment, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MaxxitException)
            {
                _logger.LogError(ex, "Kill switch: could not cancel the Hyperliquid orders of {User}", deployment.UserWallet);
                failed.Add(deployment.UserWallet.ToLowerInvariant());
            }
        }

        return new HyperliquidKillSwitchResult(cancelled, failed);
    }

    /// <summary>Cancels every resting order of every active deployment with a Hyperliquid agent wallet (each account once).</summary>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>How many orders were cancelled in all, and the accounts that could not be reached.</returns>
    public async Task<HyperliquidKillSwitchResult> CancelAllDeploymentsAsync(CancellationToken cancellationToken = default) =>
        await CancelAllAsync(await ActiveDeploymentsAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Every active deployment with a Hyperliquid agent wallet, one per account.</summary>
    internal async Task<List<AgentDeployment>> ActiveDeploymentsAsync(CancellationToken cancellationToken)
    {
        var deployments = new List<AgentDeployment>();
        foreach (var agent in await _store.ListAgentsAsync(new AgentQuery(), cancellationToken).ConfigureAwait(false))
        {
            deployments.AddRange(await _store.ListDeploymentsAsync(agent.Id, DeploymentStatus.Active, cancellationToken).ConfigureAwait(false));
        }

        return [.. deployments.Where(d => d.AgentWallets.ContainsKey(Venue.Hyperliquid)).DistinctBy(d => d.UserWallet.ToLowerInvariant())];
    }

    /// <summary>Arms the dead man's switch: unless armed again (or disarmed) first, the exchange cancels every open order of the account after the window.</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="window">At least <see cref="MinimumWindow"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>When the cancel fires, UTC milliseconds.</returns>
    public async Task<long> ArmAsync(AgentDeployment deployment, TimeSpan window, CancellationToken cancellationToken = default)
    {
        if (window < MinimumWindow)
        {
            throw new MaxxitValidationException("window", "must be at least 5 seconds (the exchange refuses an earlier scheduled cancel)");
        }

        var at = _time.GetUtcNow().Add(window).ToUnixTimeMilliseconds();
        await ScheduleAsync(deployment, at, cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>Disarms the dead man's switch of the deployment's account.</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the exchange accepted it.</returns>
    public Task DisarmAsync(AgentDeployment deployment, CancellationToken cancellationToken = default) =>
        ScheduleAsync(deployment, null, cancellationToken);

    private async Task ScheduleAsync(AgentDeployment deployment, long? at, CancellationToken cancellationToken)
    {
        using var key = _wallets.Decrypt(deployment);
        await _exchange.ScheduleCancelAsync(key, at, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
