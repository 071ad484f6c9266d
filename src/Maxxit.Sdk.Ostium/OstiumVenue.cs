using System.Numerics;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Ostium;

/// <summary>
/// Trades on Ostium through its Arbitrum contracts. An open is a market <c>openTrade</c> sized as the signal's
/// percentage of the trader's USDC balance, sent by the deployment's Ostium agent wallet (wrapped in
/// <c>delegatedAction</c> when that wallet is the user's approved delegate rather than the user's own). The result is
/// <see cref="OrderStatus.Pending"/>: the order id comes from the <c>PriceRequested</c> event and the oracle fills it
/// shortly after; the quantity is the expected one (collateral × leverage ÷ requested price).
/// </summary>
public sealed class OstiumVenue : IVenueAdapter, IPositionVenue
{
    private readonly OstiumOptions _options;
    private readonly EthereumRpcClient _rpc;
    private readonly OstiumSubgraphClient _subgraph;
    private readonly OstiumPriceFeedClient _prices;
    private readonly IAgentKeyProtector _keys;
    private readonly VenueHealthRegistry _health;
    private readonly ILogger<OstiumVenue> _logger;
    private readonly TransactionSender _sender;
    private readonly OstiumAccountChecks _checks;
    private readonly EthereumAddress _trading;
    private readonly OstiumBuilderFee _builderFee;
    private IReadOnlyDictionary<int, OstiumPair> _pairs = new Dictionary<int, OstiumPair>();

    /// <summary>Creates the adapter; reading <paramref name="options"/> validates them.</summary>
    public OstiumVenue(
        IOptions<OstiumOptions> options,
        EthereumRpcClient rpc,
        OstiumSubgraphClient subgraph,
        OstiumPriceFeedClient prices,
        IAgentKeyProtector keys,
        VenueHealthRegistry health,
        ILogger<OstiumVenue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _rpc = rpc;
        _subgraph = subgraph;
        _prices = prices;
        _keys = keys;
        _health = health;
        _logger = logger;
        _sender = new TransactionSender(rpc, _options, logger);
        _checks = new OstiumAccountChecks(rpc, _sender, _options);
        _trading = EthereumAddress.Parse(_options.TradingAddress);
        _builderFee = _options.BuilderFeePercent > 0m && _options.BuilderAddress is { } builder
            ? new OstiumBuilderFee(EthereumAddress.Parse(builder), checked((uint)OstiumUnits.ToScaled(_options.BuilderFeePercent, OstiumUnits.BuilderFeeDecimals)))
            : OstiumBuilderFee.None;
    }

    /// <inheritdoc />
    public Venue Venue => Venue.Ostium;

    /// <summary>Pairs from the subgraph, with reference prices from the price feed when it answers.</summary>
    public async ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken)
    {
        var pairs = await _subgraph.GetPairsAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _pairs, pairs.GroupBy(p => p.Index).ToDictionary(g => g.Key, g => g.First()));
        Dictionary<(string, string), decimal> mids = [];
        try
        {
            foreach (var price in await _prices.GetLatestPricesAsync(cancellationToken).ConfigureAwait(false))
            {
                mids[(price.From.ToUpperInvariant(), price.To.ToUpperInvariant())] = price.Mid;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Markets without reference prices still route; the order path reads a fresh price anyway.
            _logger.LogWarning(ex, "Ostium price feed unavailable while listing markets");
        }

        return pairs
            .Select(p => OstiumMarketMapper.ToMarket(p, mids.TryGetValue((p.From.ToUpperInvariant(), p.To.ToUpperInvariant()), out var mid) ? mid : null))
            .ToList();
    }

    /// <summary>The current price of a market from Ostium's price feed, with bid, ask and whether the market is open.</summary>
    public Task<OstiumPrice> GetQuoteAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        var (from, to) = OstiumMarketMapper.SplitVenueSymbol(market.VenueSymbol);
        return _prices.GetPriceAsync(from, to, cancellationToken);
    }

    /// <summary>The mid price of a market from Ostium's price feed; null when the feed has none for it.</summary>
    public async ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        var (from, to) = OstiumMarketMapper.SplitVenueSymbol(market.VenueSymbol);
        var prices = await _prices.GetLatestPricesAsync(cancellationToken).ConfigureAwait(false);
        var price = prices.FirstOrDefault(p => string.Equals(p.From, from, StringComparison.OrdinalIgnoreCase) && string.Equals(p.To, to, StringComparison.OrdinalIgnoreCase));
        return price is { Mid: > 0m } ? price.Mid : null;
    }

    /// <summary>The trader's open trades, from the subgraph.</summary>
    public Task<IReadOnlyList<OstiumOpenTrade>> GetOpenTradesAsync(string traderWallet, CancellationToken cancellationToken) =>
        _subgraph.GetOpenTradesAsync(OstiumAgentKeys.ParseAddress(traderWallet, "user_wallet"), cancellationToken);

    /// <summary>The deployment's open trades as positions; <see cref="VenuePosition.VenueReference"/> is <c>pairIndex:index</c>.</summary>
    public async ValueTask<IReadOnlyList<VenuePosition>> GetOpenPositionsAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var trades = await GetOpenTradesAsync(deployment.UserWallet, cancellationToken).ConfigureAwait(false);
        var pairs = Volatile.Read(ref _pairs);
        if (trades.Any(t => !pairs.ContainsKey(t.PairIndex)))
        {
            await GetMarketsAsync(cancellationToken).ConfigureAwait(false);
            pairs = Volatile.Read(ref _pairs);
        }

        return trades.Select(t => new VenuePosition(
            pairs.TryGetValue(t.PairIndex, out var pair) ? OstiumMarketMapper.SymbolOf(pair) : $"PAIR{t.PairIndex}",
            t.Buy ? TradeSide.Long : TradeSide.Short,
            t.OpenPrice > 0m ? decimal.Round(t.CollateralUsd * t.Leverage / t.OpenPrice, 12) : 0m,
            t.OpenPrice,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.PairIndex}:{t.Index}"))).ToList();
    }

    /// <summary>
    /// Closes a whole position at market. The trade is the trader's open one on the pair and side whose collateral is
    /// closest to the position's; a second close of the same trade is refused by the contract at gas estimation
    /// (<c>AlreadyMarketClosed</c>/<c>NoTradeFound</c>), so nothing is sent twice.
    /// </summary>
    /// <exception cref="OstiumTradeNotFoundException">No matching open trade (closed already or never filled).</exception>
    public async ValueTask<CloseResult> ClosePositionAsync(CloseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var position = request.Position;
        var trades = await GetOpenTradesAsync(request.Deployment.UserWallet, cancellationToken).ConfigureAwait(false);
        var buy = position.Side == TradeSide.Long;
        var trade = trades
            .Where(t => t.PairIndex == request.Market.AssetIndex && t.Buy == buy)
            .OrderBy(t => Math.Abs(t.CollateralUsd - position.CollateralUsd))
            .ThenBy(t => t.Index)
            .FirstOrDefault()
            ?? throw new OstiumTradeNotFoundException(request.Deployment.UserWallet, request.Market.AssetIndex, buy ? "long" : "short");
        var price = request.TriggerPrice ?? await GetPriceAsync(request.Market, cancellationToken).ConfigureAwait(false)
            ?? throw new VenueException(Venue.Ostium, $"no price for {request.Market.VenueSymbol} to close at");
        var close = await CloseTradeAsync(request.Deployment, trade.PairIndex, trade.Index, 100m, price, null, cancellationToken).ConfigureAwait(false);
        var quantity = trade.OpenPrice > 0m ? decimal.Round(trade.CollateralUsd * trade.Leverage / trade.OpenPrice, 12) : 0m;
        return new CloseResult(close.OrderId ?? "tx:" + close.TransactionHash, price, quantity, 0m);
    }

    /// <inheritdoc />
    public async ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken)
    {
        VenueHealth health;
        try
        {
            var chainId = await _rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
            health = chainId == _options.ChainId
                ? new VenueHealth(true)
                : new VenueHealth(false, $"node reports chain id {chainId}, expected {_options.ChainId}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            health = new VenueHealth(false, ex.Message);
        }

        _health.Report(Venue.Ostium, health.IsAvailable);
        return health;
    }

    /// <inheritdoc />
    public async ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Market.Venue != Venue.Ostium)
        {
            throw new MaxxitValidationException("market", $"is a {request.Market.Venue.ToName()} market, not an Ostium one");
        }

        if (request.SizePercent is <= 0m or > 100m)
        {
            throw new MaxxitValidationException("size_percent", "must be in (0, 100]");
        }

        var trader = OstiumAgentKeys.ParseAddress(request.Deployment.UserWallet, "user_wallet");
        var wallet = OstiumAgentKeys.AgentWallet(request.Deployment);
        if (request.Journal.PriorSubmissionId is { } prior)
        {
            // An earlier attempt recorded this transaction before sending it: follow it, never send a second open.
            _logger.LogInformation("Resuming Ostium order {ClientOrderId} from transaction {Hash}", request.ClientOrderId, prior);
            return await ResumeOpenAsync(prior, request.Market, cancellationToken).ConfigureAwait(false);
        }

        await _checks.EnsureChainAsync(cancellationToken).ConfigureAwait(false);
        var (from, to) = OstiumMarketMapper.SplitVenueSymbol(request.Market.VenueSymbol);
        var price = await _prices.GetPriceAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (!price.IsMarketOpen)
        {
            throw new VenueException(Venue.Ostium, $"market {request.Market.VenueSymbol} is closed", "forex, commodities, indices and stocks trade only in market hours");
        }

        if (price.Mid <= 0m)
        {
            throw new VenueException(Venue.Ostium, $"price feed gave no usable price for {request.Market.VenueSymbol}");
        }

        var balance = await _checks.UsdcBalanceAsync(trader, cancellationToken).ConfigureAwait(false);
        var collateral = OstiumUnits.CollateralFor(balance, request.SizePercent);
        if (collateral.IsZero)
        {
            throw new VenueException(Venue.Ostium, $"trader {trader} has {OstiumUnits.FromScaled(balance, OstiumUnits.UsdcDecimals)} USDC; {request.SizePercent} % of it is no collateral", "fund the user's wallet with USDC on Arbitrum");
        }

        var leverage = Leverage(request);
        using var key = OstiumAgentKeys.Decrypt(_keys, wallet);
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
                checked((ushort)request.Market.AssetIndex),
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

    /// <summary>
    /// Closes (part of) an open trade at market with <c>closeTradeMarket</c>, as the deployment's agent wallet (wrapped in
    /// <c>delegatedAction</c> when it is the user's delegate). Idempotent through <paramref name="journal"/>: when it holds
    /// an earlier attempt's transaction, that transaction is followed instead of sending another.
    /// </summary>
    /// <param name="deployment">The user's deployment.</param>
    /// <param name="pairIndex">The pair of the trade.</param>
    /// <param name="tradeIndex">The trade's slot on the pair.</param>
    /// <param name="closePercent">Share to close, in (0, 100].</param>
    /// <param name="marketPrice">Current price, from <see cref="GetPriceAsync"/>.</param>
    /// <param name="journal">Where the transaction hash is recorded before sending; null for none.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<OstiumCloseResult> CloseTradeAsync(AgentDeployment deployment, int pairIndex, int tradeIndex, decimal closePercent, decimal marketPrice, IOrderJournal? journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (closePercent is <= 0m or > 100m)
        {
            throw new MaxxitValidationException("close_percent", "must be in (0, 100]");
        }

        if (marketPrice <= 0m)
        {
            throw new MaxxitValidationException("market_price", "must be positive");
        }

        if (pairIndex is < 0 or > ushort.MaxValue || tradeIndex is < 0 or > byte.MaxValue)
        {
            throw new MaxxitValidationException(pairIndex is < 0 or > ushort.MaxValue ? "pair_index" : "trade_index", "is out of range");
        }

        var trader = OstiumAgentKeys.ParseAddress(deployment.UserWallet, "user_wallet");
        var wallet = OstiumAgentKeys.AgentWallet(deployment);
        TransactionReceipt receipt;
        string hash;
        if (journal?.PriorSubmissionId is { } prior)
        {
            hash = prior;
            receipt = await _sender.WaitAsync(prior, "closeTradeMarket", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _checks.EnsureChainAsync(cancellationToken).ConfigureAwait(false);
            using var key = OstiumAgentKeys.Decrypt(_keys, wallet);
            var data = OstiumTradingContract.EncodeCloseTradeMarket(new CloseTradeMarketCall(
                (ushort)pairIndex,
                (byte)tradeIndex,
                checked((ushort)OstiumUnits.Percent(closePercent)),
                OstiumUnits.Price(marketPrice),
                OstiumUnits.Percent(_options.SlippagePercent)));
            if (key.Address != trader)
            {
                data = OstiumTradingContract.EncodeDelegatedAction(trader, data);
            }

            receipt = await _sender.SendAsync(key, _trading, data, journal, "closeTradeMarket", cancellationToken).ConfigureAwait(false);
            hash = receipt.TransactionHash;
        }

        return new OstiumCloseResult(hash, OstiumTradingContract.TryGetOrderId(receipt.Logs, out var orderId) ? orderId.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, marketPrice);
    }

    private async Task<OrderResult> ResumeOpenAsync(string hash, MarketInfo market, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt;
        try
        {
            receipt = await _sender.WaitAsync(hash, "openTrade", cancellationToken).ConfigureAwait(false);
        }
        catch (TransactionPendingException)
        {
            if (await _rpc.GetTransactionAsync(hash, cancellationToken).ConfigureAwait(false) is null)
            {
                // Recorded but unknown to the node: it may never have left the process. Re-sending could open twice,
                // so the order stays unresolved for an operator or reconciliation.
                _logger.LogWarning("Journaled Ostium transaction {Hash} for {Market} is unknown to the node; it may never have been broadcast", hash, market.Symbol);
            }

            throw;
        }

        var tx = await _rpc.GetTransactionAsync(hash, cancellationToken).ConfigureAwait(false);
        OstiumTrade? trade = null;
        if (tx is not null)
        {
            var input = tx.Input;
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
            _logger.LogWarning("Transaction {Hash} for {Market} is not an openTrade the node can show; order recorded without its size", hash, market.Symbol);
        }

        return ToResult(receipt, trade);
    }

    private OrderResult ToResult(TransactionReceipt receipt, OstiumTrade? trade)
    {
        string orderId;
        if (OstiumTradingContract.TryGetOrderId(receipt.Logs, out var id))
        {
            orderId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            // The trade was accepted on chain; failing here would hide a live order, so keep the transaction as its id.
            _logger.LogWarning("Receipt of {Hash} has no PriceRequested event", receipt.TransactionHash);
            orderId = "tx:" + receipt.TransactionHash;
        }

        var collateral = trade is null ? 0m : OstiumUnits.FromScaled(trade.Collateral, OstiumUnits.UsdcDecimals);
        var price = trade is null ? 0m : OstiumUnits.FromScaled(trade.OpenPrice, OstiumUnits.PriceDecimals);
        var leverage = trade is null ? 1m : OstiumUnits.FromScaled(trade.Leverage, OstiumUnits.PercentDecimals);
        return new OrderResult
        {
            Status = OrderStatus.Pending,
            VenueOrderId = orderId,
            FilledQuantity = price > 0m ? decimal.Round(collateral * leverage / price, 12) : 0m,
            AveragePrice = price,
            Leverage = leverage,
            CollateralUsd = collateral,
            SubmissionId = receipt.TransactionHash,
        };
    }

    private decimal Leverage(OrderRequest request)
    {
        var requested = request.Leverage ?? 1m;
        if (requested < 1m)
        {
            throw new MaxxitValidationException("leverage", "must be at least 1");
        }

        var max = request.Market.MaxLeverage;
        return max >= 1m && requested > max ? max : decimal.Round(requested, 2, MidpointRounding.ToZero);
    }
}
