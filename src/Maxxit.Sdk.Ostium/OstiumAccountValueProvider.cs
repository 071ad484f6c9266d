using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Policies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Ostium;

/// <summary>
/// The user's free USDC on Arbitrum (what an Ostium order is sized from) as the account value for percent-of-account
/// policy limits. Opt in with <c>UseAccountValueProvider&lt;OstiumAccountValueProvider&gt;()</c> on hosts that trade
/// mainly on Ostium. Null when the balance cannot be read, so limits that need it refuse rather than guess.
/// </summary>
public sealed class OstiumAccountValueProvider(EthereumRpcClient rpc, IOptions<OstiumOptions> options, ILogger<OstiumAccountValueProvider> logger) : IAccountValueProvider
{
    /// <inheritdoc />
    public async ValueTask<decimal?> GetAccountValueUsdAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var usdc = Ethereum.EthereumAddress.Parse(options.Value.UsdcAddress);
        try
        {
            var owner = OstiumAgentKeys.ParseAddress(deployment.UserWallet, "user_wallet");
            var balance = Erc20Contract.DecodeUInt256(await rpc.CallAsync(usdc, Erc20Contract.EncodeBalanceOf(owner), cancellationToken).ConfigureAwait(false));
            return OstiumUnits.FromScaled(balance, OstiumUnits.UsdcDecimals);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reading the USDC balance of {Wallet} failed; account value unknown", deployment.UserWallet);
            return null;
        }
    }
}
