using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Hyperliquid.KillSwitch;

/// <summary>
/// While the host runs, keeps Hyperliquid's dead man's switch armed for every active deployment's account
/// (<see cref="HyperliquidOptions.DeadManSwitchWindow"/> ahead, re-armed every third of it), and disarms it on a clean
/// stop. If the worker dies or hangs, the exchange cancels the resting orders itself once the window passes.
/// Each re-arm is one action against the account's address-based limit, and the exchange allows 10 triggers a day.
/// </summary>
public sealed class HyperliquidDeadManSwitchService : BackgroundService
{
    private readonly HyperliquidKillSwitch _killSwitch;
    private readonly HyperliquidOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, AgentDeployment> _armed = new(StringComparer.Ordinal);

    internal HyperliquidDeadManSwitchService(HyperliquidKillSwitch killSwitch, HyperliquidOptions options, TimeProvider time, ILogger<HyperliquidDeadManSwitchService> logger)
    {
        _killSwitch = killSwitch;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Accounts armed by the last pass.</summary>
    public int ArmedAccounts
    {
        get
        {
            lock (_armed)
            {
                return _armed.Count;
            }
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        AgentDeployment[] armed;
        lock (_armed)
        {
            armed = [.. _armed.Values];
            _armed.Clear();
        }

        foreach (var deployment in armed)
        {
            try
            {
                await _killSwitch.DisarmAsync(deployment, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MaxxitException or OperationCanceledException)
            {
                _logger.LogWarning(ex, "Dead man's switch of {User} not disarmed; it will cancel the account's orders when it fires", deployment.UserWallet);
            }
        }
    }

    /// <summary>One pass: arms (or re-arms) the switch of every active deployment's account.</summary>
    /// <param name="cancellationToken">Stops the pass.</param>
    /// <returns>How many accounts are armed.</returns>
    public async Task<int> ArmAllAsync(CancellationToken cancellationToken)
    {
        var window = _options.DeadManSwitchWindow ?? throw new InvalidOperationException("DeadManSwitchWindow is not set.");
        foreach (var deployment in await _killSwitch.ActiveDeploymentsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await _killSwitch.ArmAsync(deployment, window, cancellationToken).ConfigureAwait(false);
                lock (_armed)
                {
                    _armed[deployment.UserWallet.ToLowerInvariant()] = deployment;
                }
            }
            catch (Exception ex) when (ex is MaxxitException)
            {
                _logger.LogWarning(ex, "Dead man's switch of {User} not armed", deployment.UserWallet);
            }
        }

        return ArmedAccounts;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var window = _options.DeadManSwitchWindow ?? TimeSpan.Zero;
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ArmAllAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(window / 3, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
