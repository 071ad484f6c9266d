using System.Globalization;
using System.Numerics;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Markets;
using Maxxit.Sdk.Ostium.Orders;
using Maxxit.Sdk.Ostium.Rpc;
using Maxxit.Sdk.Ostium.Setup;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Ostium;

/// <summary>
/// Trades on Ostium through its Arbitrum contracts. An open is a market <c>openTrade</c> sized as the signal's
/// percentage of the trader's USDC balance, sent by the deployment's Ostium agent wallet (wrapped in
/// <c>delegatedAction</c> when that wallet is the user's approved delegate rather than the user's own). Opens and
/// closes are requests: <see cref="PlaceOrderAsync"/> and <see cref="ClosePositionAsync"/> answer
/// <see cref="OrderStatus.Pending"/> with the order id, and <see cref="GetOrderFateAsync"/> reads what the oracle
/// callback did with it (executed at its own price, or cancelled with the contract's reason).
/// </summary>
public sealed class OstiumVenue : IVenueAdapter, IPositionVenue, IOrderFateVenue, IMarketStatusVenue
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
    private readonly OstiumOrderTracker _tracker;
    private readonly OstiumMarketSnapshot _snapshot = new();
    private readonly OstiumTimeoutQueue _timeouts = new();
    private readonly OstiumOrderFates _fates;
    private readonly OstiumSetupChecker _setup;

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
        _tracker = new OstiumOrderTracker(rpc, _options);
        _fates = new OstiumOrderFates(rpc, _tracker, _timeouts, _trading);
        _setup = new OstiumSetupChecker(rpc, _options, keys, _checks, _tracker);
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
        _snapshot.SetPairs(pairs);
        Dictionary<(string, string), decimal> mids = [];
        try
        {
            var prices = await _prices.GetLatestPricesAsync(cancellationToken).ConfigureAwait(false);
            _snapshot.SetPrices(prices);
            foreach (var price in prices)
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

    /// <summary>
    /// Whether the market takes orders, from the prices last read (the market catalog's background refresh, or any
    /// price read since); never does I/O. A market the feed has not reported counts as open.
    /// </summary>
    public bool IsMarketOpen(MarketInfo market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return _snapshot.IsOpen(market);
    }

    /// <summary>The current price of a market from Ostium's price feed, with bid, ask and whether the market is open.</summary>
    public async Task<OstiumPrice> GetQuoteAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        var (from, to) = OstiumMarketMapper.SplitVenueSymbol(market.VenueSymbol);
        return await PriceAsync(from, to, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The mid price of a market from Ostium's price feed; null when the feed has none for it.</summary>
    public async ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        var (from, to) = OstiumMarketMapper.SplitVenueSymbol(market.VenueSymbol);
        var prices = await _prices.GetLatestPricesAsync(cancellationToken).ConfigureAwait(false);
        _snapshot.SetPrices(prices);
        var price = prices.FirstOrDefault(p => string.Equals(p.From, from, StringComparison.OrdinalIgnoreCase) && string.Equals(p.To, to, StringComparison.OrdinalIgnoreCase));
        return price is { Mid: > 0m } ? price.Mid : null;
    }

    /// <summary>The trader's open trades, from the subgraph.</summary>
    public Task<IReadOnlyList<OstiumOpenTrade>> GetOpenTradesAsync(string traderWallet, CancellationToken cancellationToken) =>
        _subgraph.GetOpenTradesAsync(OstiumAgentKeys.ParseAddress(traderWallet, "user_wallet"), cancellationToken);

    /// <summary>
    /// The deployment's open trades as positions; <see cref="VenuePosition.VenueReference"/> is the
    /// <see cref="OstiumTradeReference"/> (<c>trade:pairIndex:index:tradeId</c>) when the subgraph gives a numeric trade id.
    /// </summary>
    public async ValueTask<IReadOnlyList<VenuePosition>> GetOpenPositionsAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var trades = await GetOpenTradesAsync(deployment.UserWallet, cancellationToken).ConfigureAwait(false);
        var pairs = await PairsAsync(trades.Select(t => t.PairIndex), cancellationToken).ConfigureAwait(false);
        return trades.Select(t => new VenuePosition(
            pairs.TryGetValue(t.PairIndex, out var pair) ? OstiumMarketMapper.SymbolOf(pair) : $"PAIR{t.PairIndex}",
            t.Buy ? TradeSide.Long : TradeSide.Short,
            t.OpenPrice > 0m ? decimal.Round(t.CollateralUsd * t.Leverage / t.OpenPrice, 12) : 0m,
            t.OpenPrice,
            BigInteger.TryParse(t.TradeId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new OstiumTradeReference(t.PairIndex, t.Index, id).ToString()
                : string.Create(CultureInfo.InvariantCulture, $"{t.PairIndex}:{t.Index}"))).ToList();
    }

    /// <summary>
    /// Closes the position's own trade at market: the trade named by its venue order id (the
    /// <see cref="OstiumTradeReference"/> fill confirmation stored, or the open's order id, looked up in the
    /// <c>MarketOpenExecuted</c> event). The slot is read first and must still hold that trade id, so a retry can never
    /// close another trade of the same user. The answer is <see cref="OrderStatus.Pending"/> with the close's order id;
    /// when a close of the trade is already pending (an earlier attempt), that one is returned and nothing is sent; when
    /// an earlier attempt's close already executed, it is returned <see cref="OrderStatus.Filled"/> with its exit price.
    /// </summary>
    /// <exception cref="OstiumTradeNotFoundException">The slot holds no trade or another one: nothing was sent.</exception>
    public async ValueTask<CloseResult> ClosePositionAsync(CloseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var position = request.Position;
        var trader = OstiumAgentKeys.ParseAddress(request.Deployment.UserWallet, "user_wallet");
        var trade = await TradeOfAsync(position, request.Deployment.UserWallet, cancellationToken).ConfigureAwait(false);
        var slot = await _tracker.SlotAsync(trader, trade, cancellationToken).ConfigureAwait(false);
        if (!slot.Exists || slot.TradeId != trade.TradeId)
        {
            // Gone: an earlier attempt's close may have executed (e.g. before a crash kept it from being recorded).
            // The chain is the journal: report that close with its real exit price instead of "closed elsewhere".
            var start = await _tracker.PositionStartAsync(position.SubmissionId, cancellationToken).ConfigureAwait(false);
            if (await _tracker.LatestCloseOrderAsync(trade.TradeId, start, cancellationToken).ConfigureAwait(false) is { } earlier
                && await _tracker.CloseFateAsync(earlier.OrderId, position.Quantity, earlier.Block, cancellationToken).ConfigureAwait(false) is { Status: OrderFateStatus.Filled } executed)
            {
                _logger.LogInformation("Trade {Trade} was already closed by order {OrderId}; nothing sent", trade, earlier.OrderId);
                return new CloseResult(earlier.OrderId.ToString(CultureInfo.InvariantCulture), executed.AveragePrice, executed.FilledQuantity, executed.FeesUsd);
            }

            throw new OstiumTradeNotFoundException(request.Deployment.UserWallet, trade.ToString(), slot.Exists ? $"the slot now holds trade {slot.TradeId}" : "the slot is empty");
        }

        var price = request.TriggerPrice ?? await GetPriceAsync(request.Market, cancellationToken).ConfigureAwait(false)
            ?? throw new VenueException(Venue.Ostium, $"no price for {request.Market.VenueSymbol} to close at");
        if (slot.BeingClosed)
        {
            var start = await _tracker.PositionStartAsync(position.SubmissionId, cancellationToken).ConfigureAwait(false);
            if (await _tracker.LatestCloseOrderAsync(trade.TradeId, start, cancellationToken).ConfigureAwait(false) is { } pending)
            {
                _logger.LogInformation("Trade {Trade} already has close order {OrderId} pending; nothing sent", trade, pending.OrderId);
                return new CloseResult(pending.OrderId.ToString(CultureInfo.InvariantCulture), price, 0m, 0m) { Status = OrderStatus.Pending };
            }

            throw new VenueException(Venue.Ostium, $"trade {trade} is being closed but its close order was not found", "wait for the oracle, then reconcile");
        }

        var close = await CloseTradeAsync(request.Deployment, trade.PairIndex, trade.Index, 100m, price, null, cancellationToken).ConfigureAwait(false);
        return new CloseResult(close.OrderId ?? "tx:" + close.TransactionHash, price, 0m, 0m) { Status = OrderStatus.Pending };
    }

    /// <summary>
    /// What became of an open or a close this adapter reported pending (or whose outcome was never recorded), read from
    /// the chain: the transaction by its journaled hash, then the callbacks' events by the order id. Open: Filled with the
    /// executed price (after price impact), the size (the trade's notional), the opening fees, the collateral left after
    /// them and <see cref="OrderFate.VenueOrderId"/> = <c>trade:pairIndex:index:tradeId</c>; Cancelled with the contract's
    /// reason. Close: Filled with the executed exit price and rollover plus funding fees; Cancelled when the oracle
    /// cancelled it (the trade stays open). Pending while the oracle has not answered. Reads only; an order past the
    /// contract's timeout is handed to <see cref="SendDueTimeoutsAsync"/>.
    /// </summary>
    /// <exception cref="VenueException">The node could not be asked, or answered with something malformed; ask again later.</exception>
    public async ValueTask<OrderFate> GetOrderFateAsync(OrderFateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            return await _fates.ReadAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RpcTransportException or EthereumFormatException or TransactionPendingException)
        {
            throw new VenueException(Venue.Ostium, "could not read the order's fate: " + ex.Message, "asked again later", ex);
        }
    }

    /// <summary>
    /// Sends <c>openTradeMarketTimeout</c> / <c>closeTradeMarketTimeout(order, false)</c> for the orders fate checks
    /// found past Trading's <c>marketOrdersTimeout</c>, so their collateral is never stuck: the open's collateral is
    /// refunded (its fate becomes Cancelled), a close is released and the trade stays open (Cancelled, back to Open).
    /// Each order is checked again on chain first (still pending, still past the timeout).
    /// <c>AddOstium()</c> registers <see cref="OstiumTimeoutService"/>, which calls this; it is public for hosts that schedule it themselves.
    /// </summary>
    /// <returns>The order ids a timeout was sent for.</returns>
    public async Task<IReadOnlyList<string>> SendDueTimeoutsAsync(CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        foreach (var due in _timeouts.Take())
        {
            try
            {
                if (await SendTimeoutAsync(due, cancellationToken).ConfigureAwait(false))
                {
                    sent.Add(due.OrderId.ToString(CultureInfo.InvariantCulture));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next fate check queues it again if it is still stuck.
                _logger.LogWarning(ex, "Timeout of Ostium order {OrderId} failed", due.OrderId);
            }
        }

        return sent;
    }

    /// <summary>
    /// Tells, before the first order, whether a deployment can trade: the node is on <see cref="OstiumOptions.ChainId"/>;
    /// the agent key given at deploy decrypts and controls the recorded agent address; the agent is the trader's approved
    /// delegate on Trading (or the trader's own wallet); the trader holds <paramref name="collateralUsd"/> USDC; the USDC
    /// allowance to TradingStorage covers it (with the trader's own key the adapter approves it itself); the Trading
    /// Callbacks contract that reports fills is known. Reads only; never throws for a failed check.
    /// </summary>
    /// <param name="deployment">The user's deployment with its Ostium agent wallet.</param>
    /// <param name="collateralUsd">The collateral of a typical order, USD (e.g. the largest share of the balance the policy allows).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public Task<OstiumSetupReport> CheckSetupAsync(AgentDeployment deployment, decimal collateralUsd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentOutOfRangeException.ThrowIfNegative(collateralUsd);
        return _setup.CheckAsync(deployment, collateralUsd, cancellationToken);
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

    /// <summary>
    /// Sends a market open. Before anything is signed: the market must be open and the contract's limits hold (see
    /// <see cref="OstiumLimitException"/>). The answer is <see cref="OrderStatus.Pending"/> with the order id of the
    /// receipt; <see cref="GetOrderFateAsync"/> tells whether the oracle executed or cancelled it.
    /// </summary>
    /// <exception cref="OstiumLimitException">A contract rule refuses the order; nothing was sent.</exception>
    /// <exception cref="TransactionPendingException">
    /// Sent (or possibly sent) but not confirmed: not a <see cref="VenueException"/>, so the executor keeps the order
    /// unresolved and re-runs it with the same journal, which follows (or rebroadcasts) the very same transaction.
    /// </exception>
    public async ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Market.Venue != Venue.Ostium)
        {
            throw new MaxxitValidationException("market", $"is a {request.Market.Venue} market, not an Ostium one");
        }

        if (request.SizePercent is <= 0m or > 100m)
        {
            throw new MaxxitValidationException("size_percent", "must be in (0, 100]");
        }

        var trader = OstiumAgentKeys.ParseAddress(request.Deployment.UserWallet, "user_wallet");
        var wallet = OstiumAgentKeys.AgentWallet(request.Deployment);
        if (request.Journal.PriorSubmissionId is { } prior)
        {
            // An earlier attempt journaled this transaction before sending it: follow it, never send a second open.
            _logger.LogInformation("Resuming Ostium order {ClientOrderId} from its journaled transaction", request.ClientOrderId);
            return await ResumeOpenAsync(prior, request.Market, cancellationToken).ConfigureAwait(false);
        }

        await _checks.EnsureChainAsync(cancellationToken).ConfigureAwait(false);
        var (from, to) = OstiumMarketMapper.SplitVenueSymbol(request.Market.VenueSymbol);
        var price = await PriceAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (!price.IsMarketOpen)
        {
            throw new OstiumLimitException("market_closed", $"market {request.Market.VenueSymbol} is closed", "forex, commodities, indices and stocks trade only in market hours");
        }

        if (price.Mid <= 0m)
        {
            throw new VenueException(Venue.Ostium, $"price feed gave no usable price for {request.Market.VenueSymbol}");
        }

        var pairs = await PairsAsync([request.Market.AssetIndex], cancellationToken).ConfigureAwait(false);
        var pair = pairs.TryGetValue(request.Market.AssetIndex, out var known)
            ? known
            : throw new VenueException(Venue.Ostium, $"pair {request.Market.AssetIndex} ({request.Market.VenueSymbol}) is not listed by the subgraph");
        var leverage = Leverage(request);
        var balance = await _checks.UsdcBalanceAsync(trader, cancellationToken).ConfigureAwait(false);
        var collateral = OstiumUnits.CollateralFor(balance, request.SizePercent);
        if (collateral.IsZero)
        {
            throw new VenueException(Venue.Ostium, $"trader {trader} has {OstiumUnits.FromScaled(balance, OstiumUnits.UsdcDecimals)} USDC; {request.SizePercent} % of it is no collateral", "fund the user's wallet with USDC on Arbitrum");
        }

        var maxCollateral = await _checks.MaxAllowedCollateralAsync(cancellationToken).ConfigureAwait(false);
        OstiumPreTradeChecks.Check(pair, price, leverage, collateral, maxCollateral);
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
    /// <c>delegatedAction</c> when it is the user's delegate). A partial close pulls the pair's oracle fee from the trader
    /// (<c>OstiumTrading.closeTradeMarket</c>), so it needs a USDC allowance to TradingStorage covering it: set here when
    /// the user's own key signs; as a delegate a missing allowance is refused with the approval to make. Idempotent
    /// through <paramref name="journal"/>: when it holds an earlier attempt's transaction, that transaction is followed.
    /// The fill comes later: ask <see cref="GetOrderFateAsync"/> with the order id.
    /// </summary>
    /// <param name="deployment">The user's deployment.</param>
    /// <param name="pairIndex">The pair of the trade.</param>
    /// <param name="tradeIndex">The trade's slot on the pair.</param>
    /// <param name="closePercent">Share to close, in (0, 100].</param>
    /// <param name="marketPrice">Current price, from <see cref="GetPriceAsync"/>.</param>
    /// <param name="journal">Where <c>hash|raw</c> is recorded before sending; null for none.</param>
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
        if (journal?.PriorSubmissionId is { } prior)
        {
            receipt = await _sender.ResumeAsync(prior, "closeTradeMarket", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _checks.EnsureChainAsync(cancellationToken).ConfigureAwait(false);
            using var key = OstiumAgentKeys.Decrypt(_keys, wallet);
            var delegated = key.Address != trader;
            var percent = checked((ushort)OstiumUnits.Percent(closePercent));
            if (percent < 100_00)
            {
                var pairsStorage = await _tracker.PairsStorageAsync(cancellationToken).ConfigureAwait(false);
                await _checks.EnsureOracleFeeAllowanceAsync(key, trader, delegated, pairsStorage, (ushort)pairIndex, cancellationToken).ConfigureAwait(false);
            }

            var data = OstiumTradingContract.EncodeCloseTradeMarket(new CloseTradeMarketCall(
                (ushort)pairIndex,
                (byte)tradeIndex,
                percent,
                OstiumUnits.Price(marketPrice),
                OstiumUnits.Percent(_options.SlippagePercent)));
            if (delegated)
            {
                data = OstiumTradingContract.EncodeDelegatedAction(trader, data);
            }

            receipt = await _sender.SendAsync(key, _trading, data, journal, "closeTradeMarket", cancellationToken).ConfigureAwait(false);
        }

        return new OstiumCloseResult(receipt.TransactionHash, OstiumEvents.TryGetOrderId(receipt.Logs, _trading, out var orderId) ? orderId.ToString(CultureInfo.InvariantCulture) : null, marketPrice);
    }

    private async Task<bool> SendTimeoutAsync(OstiumTimeoutRequest due, CancellationToken cancellationToken)
    {
        var pending = await _tracker.PendingOrderAsync(due.OrderId, cancellationToken).ConfigureAwait(false);
        var timeout = await _tracker.MarketOrdersTimeoutAsync(cancellationToken).ConfigureAwait(false);
        var latest = await _rpc.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Block == 0 || latest < pending.Block + timeout)
        {
            return false;
        }

        var trader = OstiumAgentKeys.ParseAddress(due.Deployment.UserWallet, "user_wallet");
        using var key = OstiumAgentKeys.Decrypt(_keys, OstiumAgentKeys.AgentWallet(due.Deployment));
        var data = due.IsClose
            ? OstiumTradingContract.CloseTradeMarketTimeout.EncodeCall(due.OrderId, false)
            : OstiumTradingContract.OpenTradeMarketTimeout.EncodeCall(due.OrderId);
        if (key.Address != trader)
        {
            data = OstiumTradingContract.EncodeDelegatedAction(trader, data);
        }

        var what = due.IsClose ? "closeTradeMarketTimeout" : "openTradeMarketTimeout";
        await _sender.SendAsync(key, _trading, data, null, what, cancellationToken).ConfigureAwait(false);
        _logger.LogWarning("Sent {What} for Ostium order {OrderId}: the oracle never answered it", what, due.OrderId);
        return true;
    }

    private async Task<OstiumTradeReference> TradeOfAsync(Position position, string trader, CancellationToken cancellationToken)
    {
        if (OstiumTradeReference.TryParse(position.VenueOrderId, out var reference))
        {
            return reference;
        }

        if (OstiumOrderFates.TryOrderId(position.VenueOrderId, out var orderId))
        {
            var start = await _tracker.PositionStartAsync(position.SubmissionId, cancellationToken).ConfigureAwait(false);
            var fate = await _tracker.OpenFateAsync(orderId, start, cancellationToken).ConfigureAwait(false);
            if (fate is { Status: OrderFateStatus.Filled } && OstiumTradeReference.TryParse(fate.VenueOrderId, out var executed))
            {
                return executed;
            }

            // Cancelled or timed out: there never was a trade. Not answered yet: the trade may still appear, so this is
            // a refusal to retry, never "closed elsewhere".
            throw fate is { Status: OrderFateStatus.Cancelled }
                ? new OstiumTradeNotFoundException(trader, position.VenueOrderId!, fate.Reason ?? "the open was cancelled")
                : new VenueException(Venue.Ostium, $"open order {orderId} of position {position.Id} is not executed yet", "close again once the oracle has answered");
        }

        // Never guess the trade (e.g. by closest collateral): closing the wrong one would be worse than not closing.
        throw new VenueException(Venue.Ostium, $"position {position.Id} has no Ostium trade reference (venue order id '{position.VenueOrderId}')", "confirm the open's fill first, or reconcile the position");
    }

    private async Task<OstiumPrice> PriceAsync(string from, string to, CancellationToken cancellationToken)
    {
        var prices = await _prices.GetLatestPricesAsync(cancellationToken).ConfigureAwait(false);
        _snapshot.SetPrices(prices);
        return prices.FirstOrDefault(p => string.Equals(p.From, from, StringComparison.OrdinalIgnoreCase) && string.Equals(p.To, to, StringComparison.OrdinalIgnoreCase))
            ?? throw new VenueException(Venue.Ostium, $"the price feed has no price for {from}/{to}");
    }

    private async Task<IReadOnlyDictionary<int, OstiumPair>> PairsAsync(IEnumerable<int> needed, CancellationToken cancellationToken)
    {
        var pairs = _snapshot.Pairs;
        if (needed.Any(i => !pairs.ContainsKey(i)))
        {
            _snapshot.SetPairs(await _subgraph.GetPairsAsync(cancellationToken).ConfigureAwait(false));
            pairs = _snapshot.Pairs;
        }

        return pairs;
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

    private static decimal Leverage(OrderRequest request)
    {
        var requested = request.Leverage ?? 1m;
        if (requested < 1m)
        {
            throw new MaxxitValidationException("leverage", "must be at least 1");
        }

        return decimal.Round(requested, 2, MidpointRounding.ToZero);
    }
}
