using System.Globalization;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Orders;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Security;

namespace Maxxit.Sdk.Ostium.Setup;

/// <summary>The reads behind <see cref="OstiumVenue.CheckSetupAsync"/>; a failed read is a failed check, never an exception.</summary>
internal sealed class OstiumSetupChecker(EthereumRpcClient rpc, OstiumOptions options, OstiumAgentKeys keys, OstiumAccountChecks checks, OstiumOrderTracker tracker)
{
    public async Task<OstiumSetupReport> CheckAsync(AgentDeployment deployment, decimal collateralUsd, CancellationToken cancellationToken)
    {
        var results = new List<OstiumSetupCheck>();
        var trader = OstiumAgentKeys.ParseAddress(deployment.UserWallet, "user_wallet");
        deployment.AgentWallets.TryGetValue(Venue.Ostium, out var wallet);
        var agentText = wallet?.Address ?? "(none)";

        await RunAsync(results, "chain", async () =>
        {
            var chainId = await rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
            return chainId == options.ChainId
                ? (true, Text($"node reports chain id {chainId}"))
                : (false, Text($"node reports chain id {chainId} but ChainId is {options.ChainId}: point RpcUrl at the network of the contract addresses"));
        }).ConfigureAwait(false);

        EthereumAddress? agent = null;
        try
        {
            using var key = keys.KeyOf(deployment);
            agent = key.Address;
            results.Add(new OstiumSetupCheck("agent_key", true, $"the key given at deploy controls {key.Address}"));
        }
        catch (AgentKeyException ex)
        {
            results.Add(new OstiumSetupCheck("agent_key", false, ex.VenueMessage + ": deploy again with the agent wallet's own key"));
        }

        if (agent is { } agentAddress && agentAddress == trader)
        {
            results.Add(new OstiumSetupCheck("delegate", true, "the agent wallet is the trader's own wallet: no delegation needed"));
        }
        else if (agent is { } delegateAddress)
        {
            await RunAsync(results, "delegate", async () =>
            {
                var approved = await checks.DelegateOfAsync(trader, cancellationToken).ConfigureAwait(false);
                return approved == delegateAddress
                    ? (true, $"{delegateAddress} is the approved delegate of {trader}")
                    : (false, $"the delegate of {trader} on Trading is {(approved.IsZero ? "not set" : approved.ToString())}: the user must call setDelegate({delegateAddress}) on {options.TradingAddress}");
            }).ConfigureAwait(false);
        }
        else
        {
            results.Add(new OstiumSetupCheck("delegate", false, "not checked: the agent key is not usable"));
        }

        var needed = OstiumUnits.Usdc(collateralUsd);
        await RunAsync(results, "usdc_balance", async () =>
        {
            var balance = await checks.UsdcBalanceAsync(trader, cancellationToken).ConfigureAwait(false);
            var amount = OstiumUnits.FromScaled(balance, OstiumUnits.UsdcDecimals);
            return balance >= needed
                ? (true, Text($"{trader} holds {amount} USDC"))
                : (false, Text($"{trader} holds {amount} USDC, less than the collateral {collateralUsd}: fund it with USDC on Arbitrum"));
        }).ConfigureAwait(false);

        await RunAsync(results, "usdc_allowance", async () =>
        {
            var allowance = await checks.AllowanceAsync(trader, cancellationToken).ConfigureAwait(false);
            var amount = OstiumUnits.FromScaled(allowance, OstiumUnits.UsdcDecimals);
            if (allowance >= needed)
            {
                return (true, Text($"allowance of {trader} to TradingStorage is {amount} USDC, covering {collateralUsd}"));
            }

            return agent == trader
                ? (true, Text($"allowance to TradingStorage is {amount} USDC; the trader's own key signs, so the adapter approves the collateral before each order"))
                : (false, Text($"allowance of {trader} to TradingStorage ({options.TradingStorageAddress}) is {amount} USDC, below the collateral {collateralUsd}: the user must approve TradingStorage to spend USDC"));
        }).ConfigureAwait(false);

        await RunAsync(results, "callbacks", async () =>
        {
            var callbacks = await tracker.CallbacksAsync(cancellationToken).ConfigureAwait(false);
            return (true, $"fills are read from the Trading Callbacks contract {callbacks}");
        }).ConfigureAwait(false);

        return new OstiumSetupReport(trader.ToString(), agentText, results);
    }

    private static async Task RunAsync(List<OstiumSetupCheck> results, string name, Func<Task<(bool Passed, string Detail)>> check)
    {
        try
        {
            var (passed, detail) = await check().ConfigureAwait(false);
            results.Add(new OstiumSetupCheck(name, passed, detail));
        }
        catch (Exception ex) when (ex is VenueException or RpcTransportException or MaxxitValidationException)
        {
            results.Add(new OstiumSetupCheck(name, false, "could not be checked: " + ex.Message));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
