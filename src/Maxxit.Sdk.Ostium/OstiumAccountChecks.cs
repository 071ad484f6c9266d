using System.Numerics;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Rpc;

namespace Maxxit.Sdk.Ostium;

/// <summary>The on-chain preconditions of an order: right chain, USDC balance, delegation and allowance.</summary>
internal sealed class OstiumAccountChecks(EthereumRpcClient rpc, TransactionSender sender, OstiumOptions options)
{
    private readonly EthereumAddress _trading = EthereumAddress.Parse(options.TradingAddress);
    private readonly EthereumAddress _tradingStorage = EthereumAddress.Parse(options.TradingStorageAddress);
    private readonly EthereumAddress _usdc = EthereumAddress.Parse(options.UsdcAddress);
    private int _chainChecked;

    public async Task EnsureChainAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _chainChecked) == 1)
        {
            return;
        }

        var chainId = await rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
        if (chainId != options.ChainId)
        {
            throw new VenueException(Venue.Ostium, $"the node at RpcUrl reports chain id {chainId} but ChainId is {options.ChainId}", "point RpcUrl at the network the contract addresses belong to");
        }

        Volatile.Write(ref _chainChecked, 1);
    }

    public async Task<BigInteger> UsdcBalanceAsync(EthereumAddress owner, CancellationToken cancellationToken) =>
        Erc20Contract.DecodeUInt256(await rpc.CallAsync(_usdc, Erc20Contract.EncodeBalanceOf(owner), cancellationToken).ConfigureAwait(false));

    public async Task EnsureDelegateAsync(EthereumAddress trader, EthereumAddress agent, CancellationToken cancellationToken)
    {
        var answer = await rpc.CallAsync(_trading, OstiumTradingContract.Delegations.EncodeCall(trader), cancellationToken).ConfigureAwait(false);
        var approved = (EthereumAddress)OstiumTradingContract.Delegations.DecodeReturn(answer)[0]!;
        if (approved != agent)
        {
            throw new VenueException(Venue.Ostium, $"agent wallet {agent} is not the approved delegate of trader {trader}", "the user must call setDelegate(agent wallet) on Ostium's Trading contract");
        }
    }

    public async Task EnsureAllowanceAsync(EthereumKey key, EthereumAddress trader, bool delegated, BigInteger collateral, CancellationToken cancellationToken)
    {
        var allowance = Erc20Contract.DecodeUInt256(await rpc.CallAsync(_usdc, Erc20Contract.EncodeAllowance(trader, _tradingStorage), cancellationToken).ConfigureAwait(false));
        if (allowance >= collateral)
        {
            return;
        }

        if (delegated)
        {
            // A delegate cannot approve the user's USDC: only the user can.
            throw new VenueException(
                Venue.Ostium,
                $"USDC allowance of trader {trader} to TradingStorage is {OstiumUnits.FromScaled(allowance, OstiumUnits.UsdcDecimals)}, below the collateral {OstiumUnits.FromScaled(collateral, OstiumUnits.UsdcDecimals)}",
                "the user must approve Ostium's TradingStorage contract to spend USDC");
        }

        await sender.SendAsync(key, _usdc, Erc20Contract.EncodeApprove(_tradingStorage, collateral), null, "approve", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A partial close pulls the pair's oracle fee from the trader (<c>OstiumTrading.closeTradeMarket</c>): the USDC
    /// allowance to TradingStorage must cover it. Trading from its own wallet the adapter approves it; a delegate cannot.
    /// </summary>
    public async Task EnsureOracleFeeAllowanceAsync(EthereumKey key, EthereumAddress trader, bool delegated, EthereumAddress pairsStorage, ushort pairIndex, CancellationToken cancellationToken)
    {
        var fee = (BigInteger)OstiumPairsStorageContract.PairOracleFee.DecodeReturn(
            await rpc.CallAsync(pairsStorage, OstiumPairsStorageContract.PairOracleFee.EncodeCall(pairIndex), cancellationToken).ConfigureAwait(false))[0]!;
        if (fee.IsZero)
        {
            return;
        }

        var allowance = await AllowanceAsync(trader, cancellationToken).ConfigureAwait(false);
        if (allowance >= fee)
        {
            return;
        }

        if (delegated)
        {
            throw new VenueException(
                Venue.Ostium,
                $"a partial close pulls the oracle fee {OstiumUnits.FromScaled(fee, OstiumUnits.UsdcDecimals)} USDC from trader {trader}, whose USDC allowance to TradingStorage is {OstiumUnits.FromScaled(allowance, OstiumUnits.UsdcDecimals)}",
                $"the user must approve TradingStorage ({_tradingStorage}) to spend at least {OstiumUnits.FromScaled(fee, OstiumUnits.UsdcDecimals)} USDC");
        }

        await sender.SendAsync(key, _usdc, Erc20Contract.EncodeApprove(_tradingStorage, fee), null, "approve", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Trading's <c>maxAllowedCollateral</c> (USDC, 6 decimals).</summary>
    public async Task<BigInteger> MaxAllowedCollateralAsync(CancellationToken cancellationToken) =>
        (BigInteger)OstiumTradingContract.MaxAllowedCollateral.DecodeReturn(
            await rpc.CallAsync(_trading, OstiumTradingContract.MaxAllowedCollateral.EncodeCall(), cancellationToken).ConfigureAwait(false))[0]!;

    /// <summary>The trader's USDC allowance to TradingStorage.</summary>
    public async Task<BigInteger> AllowanceAsync(EthereumAddress trader, CancellationToken cancellationToken) =>
        Erc20Contract.DecodeUInt256(await rpc.CallAsync(_usdc, Erc20Contract.EncodeAllowance(trader, _tradingStorage), cancellationToken).ConfigureAwait(false));

    /// <summary>The trader's approved delegate on Trading (the zero address for none).</summary>
    public async Task<EthereumAddress> DelegateOfAsync(EthereumAddress trader, CancellationToken cancellationToken) =>
        (EthereumAddress)OstiumTradingContract.Delegations.DecodeReturn(
            await rpc.CallAsync(_trading, OstiumTradingContract.Delegations.EncodeCall(trader), cancellationToken).ConfigureAwait(false))[0]!;
}
