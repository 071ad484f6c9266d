using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;
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
public sealed class OstiumVenue : IVenueAdapter, IPositionVenue, IOrderFateVenue, IMarketStatusVenue, IVenueLeverageRules
{
    private readonly OstiumOptions _options;
    private readonly EthereumRpcClient _rpc;
    private readonly VenueHealthRegistry _health;
    private readonly OstiumMarkets _markets;
    private readonly OstiumOpener _opener;
    private readonly OstiumCloser _closer;
    private readonly OstiumReconciler _reconciler;
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
        _health = health;
        var agentKeys = new OstiumAgentKeys(keys);
        var sender = new TransactionSender(rpc, _options, logger);
        var checks = new OstiumAccountChecks(rpc, sender, _options);
        var tracker = new OstiumOrderTracker(rpc, _options);
        _markets = new OstiumMarkets(subgraph, prices, logger);
        _opener = new OstiumOpener(_options, rpc, _markets, agentKeys, checks, sender, logger);
        _closer = new OstiumCloser(_options, _markets, agentKeys, checks, sender, tracker, logger);
        _reconciler = new OstiumReconciler(_options, rpc, _markets, agentKeys, sender, tracker, logger);
        _setup = new OstiumSetupChecker(rpc, _options, agentKeys, checks, tracker);
    }

    /// <inheritdoc />
    public Venue Venue => Venue.Ostium;

    /// <summary>Pairs from the subgraph, with reference prices from the price feed when it answers.</summary>
    public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) =>
        _markets.GetMarketsAsync(cancellationToken);

    /// <summary>
    /// Whether the market takes orders, from the prices last read (the market catalog's background refresh, or any
    /// price read since); never does I/O. A market the feed has not reported counts as open.
    /// </summary>
    public bool IsMarketOpen(MarketInfo market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return _markets.IsOpen(market);
    }

    /// <summary>
    /// Ostium's leverage rule for a market, from the pairs and prices last read (no I/O): two decimals, and while day
    /// trading is closed at most the pair's overnight maximum (the oracle would cancel anything above it).
    /// </summary>
    /// <param name="market">The market.</param>
    public VenueLeverageRule GetLeverageRule(MarketInfo market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return _markets.LeverageRuleOf(market);
    }

    /// <summary>The current price of a market from Ostium's price feed, with bid, ask and whether the market is open.</summary>
    public async Task<OstiumPrice> GetQuoteAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        return await _markets.QuoteAsync(market, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The mid price of a market from Ostium's price feed; null when the feed has none for it.</summary>
    public async ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        return await _markets.GetPriceAsync(market, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ostium's own data about a catalog market (pair index, group, leverage limits, minimum position), from the pairs
    /// the adapter last read (read again from the subgraph when the pair is not known yet): what
    /// <see cref="MarketInfo"/> leaves out as venue-specific.
    /// </summary>
    /// <param name="market">An Ostium market from the catalog (found by <see cref="MarketInfo.VenueSymbol"/>).</param>
    /// <param name="cancellationToken">Cancels the subgraph read.</param>
    /// <exception cref="VenueException">The subgraph lists no such pair.</exception>
    public Task<OstiumPair> GetPairAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        return _markets.PairOfAsync(market, cancellationToken);
    }

    /// <summary>The trader's open trades, from the subgraph.</summary>
    public Task<IReadOnlyList<OstiumOpenTrade>> GetOpenTradesAsync(string traderWallet, CancellationToken cancellationToken) =>
        _markets.GetOpenTradesAsync(traderWallet, cancellationToken);

    /// <summary>
    /// The deployment's open trades as positions; <see cref="VenuePosition.VenueReference"/> is the
    /// <see cref="OstiumTradeReference"/> (<c>trade:pairIndex:index:tradeId</c>) when the subgraph gives a numeric trade id.
    /// </summary>
    public async ValueTask<IReadOnlyList<VenuePosition>> GetOpenPositionsAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return await _reconciler.OpenPositionsAsync(deployment, cancellationToken).ConfigureAwait(false);
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
        return await _closer.ClosePositionAsync(request, cancellationToken).ConfigureAwait(false);
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
        return await _reconciler.FateAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <c>openTradeMarketTimeout</c> / <c>closeTradeMarketTimeout(order, false)</c> for the orders fate checks
    /// found past Trading's <c>marketOrdersTimeout</c>, so their collateral is never stuck: the open's collateral is
    /// refunded (its fate becomes Cancelled), a close is released and the trade stays open (Cancelled, back to Open).
    /// Each order is checked again on chain first (still pending, still past the timeout).
    /// <c>AddOstium()</c> registers <see cref="OstiumTimeoutService"/>, which calls this; it is public for hosts that schedule it themselves.
    /// </summary>
    /// <returns>The order ids a timeout was sent for.</returns>
    public Task<IReadOnlyList<string>> SendDueTimeoutsAsync(CancellationToken cancellationToken) =>
        _reconciler.SendDueTimeoutsAsync(cancellationToken);

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
        return await _opener.OpenAsync(request, cancellationToken).ConfigureAwait(false);
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
    public Task<OstiumCloseResult> CloseTradeAsync(AgentDeployment deployment, int pairIndex, int tradeIndex, decimal closePercent, decimal marketPrice, IOrderJournal? journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return _closer.CloseTradeAsync(deployment, pairIndex, tradeIndex, closePercent, marketPrice, journal, cancellationToken);
    }
}
