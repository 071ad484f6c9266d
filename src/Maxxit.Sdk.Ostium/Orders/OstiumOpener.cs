using System.Globalization;
using System.Numerics;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Ostium.Orders;

/// <summary>
/// The open side of <see cref="OstiumVenue"/>: pre-trade checks, the <c>openTrade</c> call (wrapped in
/// <c>delegatedAction</c> for a delegate), and following a journaled transaction instead of sending a second open.
/// </summary>
internal sealed class OstiumOpener
{
    private readonly OstiumOptions _options;
    private readonly EthereumRpcClient _rpc;
    private readonly OstiumMarkets _markets;
    private readonly OstiumAgentKeys _keys;
    private readonly OstiumAccountChecks _checks;
    private readonly TransactionSender _sender;
    private readonly EthereumAddress _trading;
    private readonly OstiumBuilderFee _builderFee;
    private readonly ILogger _logger;

    public OstiumOpener(OstiumOptions options, EthereumRpcClient rpc, OstiumMarkets markets, OstiumAgentKeys keys, OstiumAccountChecks checks, TransactionSender sender, ILogger logger)
    {
        _options = options;
        _rpc = rpc;
        _markets = markets;
        _keys = keys;
        _checks = checks;
        _sender = sender;
        _logger = logger;
        _trading = EthereumAddress.Parse(options.TradingAddress);
        _builderFee = options.BuilderFeePercent > 0m && options.BuilderAddress is { } builder
            ? new OstiumBuilderFee(EthereumAddress.Parse(builder), checked((uint)OstiumUnits.ToScaled(options.BuilderFeePercent, OstiumUnits.BuilderFeeDecimals)))
            : OstiumBuilderFee.None;
    }

    /// <summary>See <see cref="OstiumVenue.PlaceOrderAsync"/>.</summary>
    public async ValueTask<OrderResult> OpenAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        if (request.Market.Venue != Venue.Ostium)
        {
            throw new MaxxitValidationException("market", $"is a {request.Market.Venue} market, not an Ostium one");
        }

        if (request.SizePercent is <= 0m or > 100m)
        {
            throw new MaxxitValidationException("size_percent", "must be in (0, 100]");
        }

        var trader = OstiumAgentKeys.ParseAddress(request.Deployment.UserWallet, "user_wallet");
        OstiumAgentKeys.WalletOf(request.Deployment);
        if (request.Journal.PriorSubmissionId is { } prior)
        {
            // An earlier attempt journaled this transaction before sending it: follow it, never send a second open.
            _logger.LogInformation("Resuming Ostium order {ClientOrderId} from its journaled transaction", request.ClientOrderId);
            return await ResumeOpenAsync(prior, request.Market, cancellationToken).ConfigureAwait(false);
        }

        await _checks.EnsureChainAsync(cancellationToken).ConfigureAwait(false);
        var (from, to) = OstiumMarketMapper.SplitVenueSymbol(request.Market.VenueSymbol);
        var price = await _markets.PriceAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (!price.IsMarketOpen)
        {
            throw new OstiumLimitException("market_closed", $"market {request.Market.VenueSymbol} is closed", "forex, commodities, indices and stocks trade only in market hours");
        }

        if (price.Mid <= 0m)
        {
            throw new VenueException(Venue.Ostium, $"price feed gave no usable price for {request.Market.VenueSymbol}");
        }

        var pair = await _markets.PairOfAsync(request.Market, cancellationToken).ConfigureAwait(false);
        var leverage = Leverage(request);
        var balance = await _checks.UsdcBalanceAsync(trader, cancellationToken).ConfigureAwait(false);
        var collateral = OstiumUnits.CollateralFor(balance, request.SizePercent);
        if (collateral.IsZero)
        {
            throw new VenueException(Venue.Ostium, $"trader {trader} has {OstiumUnits.FromScaled(balance, OstiumUnits.UsdcDecimals)} USDC; {request.SizePercent} % of it is no collateral", "fund the user's wallet with USDC on Arbitrum");
        }

        var maxCollateral = await _checks.MaxAllowedCollateralAsync(cancellationToken).ConfigureAwait(false);
        OstiumPreTradeChecks.Check(pair, price, leverage, collateral, maxCollateral);
        using var key = _keys.KeyOf(request.Deployment);
        var delegated = key.Address != trader;
        if (delegated)
        {
            await _checks.EnsureDelegateAsync(trader, key.Address, cancellationToken).ConfigureAwait(false);
        }

        await _checks.EnsureAllowanceAsync(key, trader, delegated, collateral, cancellationToken).ConfigureAwait(false);

        var (stopLoss, takeProfit, _) = _options.PlaceNativeStopLossAndTakeProfit
            ? ProtectionLevels.From(request.Risk, request.Side, price.Mid)
            : (null, null, null);
        var call = new OpenTradeCall(
            new OstiumTrade(
                collateral,
                OstiumUnits.Price(price.Mid),
                takeProfit is { } tp ? OstiumUnits.Price(tp) : BigInteger.Zero,
                stopLoss is { } sl ? OstiumUnits.Price(sl) : BigInteger.Zero,
                trader,
                OstiumUnits.Leverage(leverage),
                checked((ushort)pair.Index),
                0,
                request.Side == TradeSide.Long),
            _builderFee,
            OstiumOrderType.Market,
            OstiumUnits.Percent(_options.SlippagePercent));
        var data = OstiumTradingContract.EncodeOpenTrade(call);
        if (delegated)
        {
            data = OstiumTradingContract.EncodeDelegatedAction(trader, data);
        }

        var receipt = await _sender.SendAsync(key, _trading, data, request.Journal, "openTrade", cancellationToken).ConfigureAwait(false);
        return ToResult(receipt, call.Trade);
    }

    private async Task<OrderResult> ResumeOpenAsync(string journaled, MarketInfo market, CancellationToken cancellationToken)
    {
        var receipt = await _sender.ResumeAsync(journaled, "openTrade", cancellationToken).ConfigureAwait(false);
        OstiumTrade? trade = null;
        byte[]? input = null;
        if (OstiumSubmission.TryParse(journaled, out _, out var raw) && raw is not null)
        {
            input = Maxxit.Sdk.Ethereum.Transactions.SignedTransaction.Parse(Maxxit.Sdk.Ethereum.Hex.Encode(raw)).Transaction.Data.ToArray();
        }
        else if (await _rpc.GetTransactionAsync(receipt.TransactionHash, cancellationToken).ConfigureAwait(false) is { } tx)
        {
            input = tx.Input;
        }

        if (input is not null)
        {
            if (OstiumTradingContract.IsCallTo(OstiumTradingContract.DelegatedAction, input))
            {
                input = OstiumTradingContract.DecodeDelegatedAction(input).InnerCallData;
            }

            if (OstiumTradingContract.IsCallTo(OstiumTradingContract.OpenTrade, input))
            {
                trade = OstiumTradingContract.DecodeOpenTrade(input).Trade;
            }
        }

        if (trade is null)
        {
            _logger.LogWarning("Transaction {Hash} for {Market} is not an openTrade the node can show; order recorded without its size", receipt.TransactionHash, market.Symbol);
        }

        return ToResult(receipt, trade);
    }

    private OrderResult ToResult(TransactionReceipt receipt, OstiumTrade? trade)
    {
        string orderId;
        if (OstiumEvents.TryGetOrderId(receipt.Logs, _trading, out var id))
        {
            orderId = id.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            // The trade was accepted on chain; failing here would hide a live order, so keep the transaction as its id.
            _logger.LogWarning("Receipt of {Hash} has neither MarketOpenOrderInitiated nor PriceRequested", receipt.TransactionHash);
            orderId = "tx:" + receipt.TransactionHash;
        }

        return new OrderResult
        {
            Status = OrderStatus.Pending,
            VenueOrderId = orderId,
            FilledQuantity = 0m,
            AveragePrice = trade is null ? 0m : OstiumUnits.FromScaled(trade.OpenPrice, OstiumUnits.PriceDecimals),
            Leverage = trade is null ? 1m : OstiumUnits.FromScaled(trade.Leverage, OstiumUnits.PercentDecimals),
            CollateralUsd = trade is null ? 0m : OstiumUnits.FromScaled(trade.Collateral, OstiumUnits.UsdcDecimals),
            SubmissionId = receipt.TransactionHash,
        };
    }

    // Leverage has two decimals on chain; the pair's limits are refusals (OstiumPreTradeChecks), not a clamp.
    private static decimal Leverage(OrderRequest request) =>
        LeverageLimits.Clamp(request.Leverage ?? LeverageLimits.Minimum, rule: new VenueLeverageRule(null, OstiumUnits.LeverageStep));
}
