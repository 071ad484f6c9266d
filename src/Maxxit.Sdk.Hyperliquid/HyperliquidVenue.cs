using System.Collections.Concurrent;
using System.Globalization;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Hyperliquid.Streams;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>
/// The Hyperliquid venue: lists the perpetuals from <c>metaAndAssetCtxs</c>, opens positions as IOC limit orders at
/// mid ± slippage signed by the deployment's agent wallet for the user's account, and prices, closes and reconciles
/// positions for the monitor. Every order carries a deterministic client order id, and the exchange is asked for that
/// id before placing, so a re-run never sends a second order.
/// </summary>
public sealed class HyperliquidVenue : IVenueAdapter, IPositionVenue, IOrderFateVenue, IVenueOrderLimits, IVenueLeverageRules
{
    /// <summary>Hyperliquid's leverage rule: whole numbers up to the asset's maximum (the market's listed one).</summary>
    private static readonly VenueLeverageRule WholeLeverage = new(null, 1m);

    /// <summary>
    /// The IP weight one open costs: orderStatus, allMids and clearinghouseState (2 each), updateLeverage and the order
    /// (1 each), and the fill lookup (userFillsByTime, 20 plus 1 per 20 fills).
    /// </summary>
    public const int WeightPerOpen = 2 + 2 + 2 + 1 + 1 + 21;

    private readonly HyperliquidHttp _http;
    private readonly HyperliquidMarketCache _markets;
    private readonly HyperliquidFillReader _fills;
    private readonly HyperliquidAgentWallets _wallets;
    private readonly HyperliquidOptions _options;
    private readonly ILogger<HyperliquidVenue> _logger;
    private readonly ConcurrentDictionary<(string User, int Asset), int> _leverageSet = new();
    private readonly InFlight<Cloid, OrderResult> _opening = new();
    private readonly InFlight<Cloid, CloseResult> _closing = new();
    private readonly HyperliquidStreamFeeds _feeds;

    internal HyperliquidVenue(
        HyperliquidHttp http,
        HyperliquidInfoClient info,
        HyperliquidExchangeClient exchange,
        HyperliquidAgentWallets wallets,
        IOptions<HyperliquidOptions> options,
        TimeProvider time,
        ILogger<HyperliquidVenue> logger,
        HyperliquidStreamClient streams)
    {
        _http = http;
        Info = info;
        Exchange = exchange;
        _wallets = wallets;
        _options = options.Value;
        _logger = logger;
        _markets = new HyperliquidMarketCache(info, _options.MarketRefreshInterval, time);
        _fills = new HyperliquidFillReader(info, logger, time);
        Streams = streams;
        _feeds = new HyperliquidStreamFeeds(streams, _options, time, http.Metrics, logger);
    }

    /// <summary>The WebSocket client (typed streams), shared with the venue's own price and order feeds.</summary>
    public HyperliquidStreamClient Streams { get; }

    /// <inheritdoc />
    public Venue Venue => Venue.Hyperliquid;

    /// <summary>
    /// How many orders the executor keeps in flight here: <see cref="HyperliquidOptions.MaxConcurrentOrders"/>, else a
    /// quarter of the opens the IP budget serves per minute (1,200 / <see cref="WeightPerOpen"/> / 4 = 10 on the public
    /// API), between 1 and 16. Requests beyond the budget queue in the limiter either way; this keeps that queue short.
    /// </summary>
    public int MaxConcurrentOrders =>
        _options.MaxConcurrentOrders ?? Math.Clamp(_http.Limiter.Capacity / WeightPerOpen / 4, 1, 16);

    /// <summary>The Info API client, for reads beyond the adapter contract.</summary>
    public HyperliquidInfoClient Info { get; }

    /// <summary>The Exchange API client, for actions beyond the adapter contract (cancels, trigger orders, approveAgent).</summary>
    public HyperliquidExchangeClient Exchange { get; }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _markets.GetMarketsAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Markets
            .Where(m => !m.Asset.IsDelisted)
            .Select(m => new MarketInfo
            {
                Venue = Venue.Hyperliquid,
                Symbol = m.Asset.Name.ToUpperInvariant(),
                VenueSymbol = m.Asset.Name,
                MaxLeverage = m.Asset.MaxLeverage,
                ReferencePrice = m.Context.MidPrice ?? m.Context.MarkPrice,
                Category = MarketCategory.Crypto,
            })
            .ToList();
    }

    /// <summary>
    /// Hyperliquid's own data about a catalog market (asset index, size decimals, maximum leverage, isolated-only), from
    /// the adapter's market cache: what <see cref="MarketInfo"/> leaves out as venue-specific.
    /// </summary>
    /// <param name="market">A Hyperliquid market from the catalog (found by <see cref="MarketInfo.VenueSymbol"/>).</param>
    /// <param name="cancellationToken">Cancels a refresh of the cache.</param>
    /// <exception cref="VenueException">Hyperliquid lists no such perpetual, or it is delisted.</exception>
    public async ValueTask<HyperliquidMarket> GetMarketAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        return await FindMarketAsync(market.VenueSymbol, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cloid = ParseCloid(request.ClientOrderId);
        return await _opening.RunAsync(cloid, () => OpenAsync(request, cloid, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<OrderResult> OpenAsync(OrderRequest request, Cloid cloid, CancellationToken cancellationToken)
    {
        if (request.SizePercent is <= 0m or > 100m)
        {
            throw new MaxxitValidationException("size_percent", "must be in (0, 100]");
        }

        // Fails before any request when the deployment has no Hyperliquid key at all.
        HyperliquidAgentWallets.WalletOf(request.Deployment);
        var user = HyperliquidAgentWallets.UserOf(request.Deployment);
        var asset = (await FindMarketAsync(request.Market.VenueSymbol, cancellationToken).ConfigureAwait(false)).Asset;
        var leverage = LeverageFor(request.Leverage, asset);
        _feeds.Watch(user);

        // All three reads are safe to repeat; the order-status read is what makes a re-run idempotent.
        var existingTask = Info.GetOrderStatusAsync(user, cloid, cancellationToken);
        var midsTask = _markets.GetMidsAsync(fresh: true, cancellationToken).AsTask();
        var accountTask = Info.GetClearinghouseStateAsync(user, cancellationToken);
        await Task.WhenAll(existingTask, midsTask, accountTask).ConfigureAwait(false);
        if (existingTask.Result is { } existing)
        {
            _logger.LogInformation("Hyperliquid order {Cloid} already exists (oid {Oid}, {Status}); not placing another", cloid, existing.OrderId, existing.Status);
            return await _fills.FromExistingAsync(user, existing, leverage, cancellationToken).ConfigureAwait(false);
        }

        var accountValue = accountTask.Result.AccountValue;
        if (accountValue <= 0m)
        {
            throw new VenueException(
                Venue.Hyperliquid,
                $"The account {user} has no collateral on Hyperliquid {_options.Network}.",
                "Deposit USDC to the user's perp account (or check that the deployment's user wallet and network are right).");
        }

        var mid = MidOf(midsTask.Result, asset.Name);
        var collateral = accountValue * request.SizePercent / 100m;
        var order = HyperliquidOrders.Market(
            asset, request.Side == TradeSide.Long, collateral * leverage / mid, mid, _options.Slippage, reduceOnly: false, cloid, _options.MinimumOrderValue);

        using var key = _wallets.Decrypt(request.Deployment);
        await EnsureLeverageAsync(key, user, asset, leverage, cancellationToken).ConfigureAwait(false);
        await request.Journal.RecordSubmissionAsync(cloid.ToString(), cancellationToken).ConfigureAwait(false);
        return await SendCheckedAsync(key, user, order, leverage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends an order that carries a cloid. A 429 means the request was refused before it was executed, but the order is
    /// re-sent only after <c>orderStatus</c> by that cloid says the exchange never saw it; if it did, its result is used.
    /// </summary>
    private async Task<OrderResult> SendCheckedAsync(EthereumKey key, string user, HyperliquidOrder order, int leverage, CancellationToken cancellationToken)
    {
        var cloid = order.ClientOrderId ?? throw new InvalidOperationException("Adapter orders always carry a cloid.");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = await Exchange.PlaceOrderAsync(key, order, cancellationToken).ConfigureAwait(false);
                return await _fills.FromPlacedAsync(user, result, order, leverage, cancellationToken).ConfigureAwait(false);
            }
            catch (HyperliquidApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.TooManyRequests && attempt < _options.MaxRetryAttempts)
            {
                // The status read waits behind the limiter's 429 pause.
                if (await Info.GetOrderStatusAsync(user, cloid, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    _logger.LogInformation("Hyperliquid order {Cloid} was executed despite a 429; using its result", cloid);
                    return await _fills.FromExistingAsync(user, existing, leverage, cancellationToken).ConfigureAwait(false);
                }

                _logger.LogInformation("Hyperliquid order {Cloid} got a 429 and is unknown to the exchange; sending it again", cloid);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_http.CircuitState switch
        {
            CircuitState.Open or CircuitState.Isolated => new VenueHealth(false, "circuit open after repeated Hyperliquid API failures"),
            CircuitState.HalfOpen => new VenueHealth(true, "circuit half-open: trial requests"),
            _ => new VenueHealth(true, _options.Network.ToString()),
        });

    /// <summary>
    /// The coin's mid: from the WebSocket allMids when <see cref="HyperliquidOptions.EnableStreams"/> is on, the socket
    /// is up and the last message is at most <see cref="HyperliquidOptions.StreamPriceMaxAge"/> old; from REST allMids
    /// (cached a second) otherwise. Each switch between the two is logged and counted on the Meter.
    /// </summary>
    /// <param name="market">The market.</param>
    /// <param name="cancellationToken">Cancels a REST read.</param>
    /// <returns>The mid, or null when the coin has no book.</returns>
    public async ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (_feeds.TryGetMid(market.VenueSymbol, out var streamed))
        {
            return streamed;
        }

        var mids = await _markets.GetMidsAsync(fresh: false, cancellationToken).ConfigureAwait(false);
        return mids.TryGetValue(market.VenueSymbol, out var mid) && mid > 0m ? mid : null;
    }

    /// <inheritdoc />
    public async ValueTask<CloseResult> ClosePositionAsync(CloseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cloid = ParseCloid(request.ClientOrderId);
        return await _closing.RunAsync(cloid, () => CloseAsync(request, cloid, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<CloseResult> CloseAsync(CloseRequest request, Cloid cloid, CancellationToken cancellationToken)
    {
        // Fails before any request when the deployment has no Hyperliquid key at all.
        HyperliquidAgentWallets.WalletOf(request.Deployment);
        var user = HyperliquidAgentWallets.UserOf(request.Deployment);
        var asset = (await FindMarketAsync(request.Market.VenueSymbol, cancellationToken).ConfigureAwait(false)).Asset;
        // The leverage the open used, as the fill reader reports it (a stored value below 1 reads as 1).
        var leverage = (int)LeverageLimits.Clamp(Math.Max(request.Position.Leverage, LeverageLimits.Minimum), rule: WholeLeverage);
        _feeds.Watch(user);

        var existingTask = Info.GetOrderStatusAsync(user, cloid, cancellationToken);
        var midsTask = _markets.GetMidsAsync(fresh: true, cancellationToken).AsTask();
        var accountTask = Info.GetClearinghouseStateAsync(user, cancellationToken);
        await Task.WhenAll(existingTask, midsTask, accountTask).ConfigureAwait(false);
        if (existingTask.Result is { } existing)
        {
            return ToClose(await _fills.FromExistingAsync(user, existing, leverage, cancellationToken).ConfigureAwait(false));
        }

        var held = accountTask.Result.Positions.FirstOrDefault(p => p.Coin == asset.Name)?.Size ?? 0m;
        var closesLong = request.Position.Side == TradeSide.Long;
        if (held == 0m || (held > 0m) != closesLong)
        {
            throw new PositionNotOnVenueException(
                Venue.Hyperliquid,
                $"The account holds no {(closesLong ? "long" : "short")} {asset.Name} position to close.",
                "It was closed outside the SDK (or liquidated); reconcile it from the account state.");
        }

        // The account nets every deployment's trades in a coin, so close this position's size, never more than is held.
        var size = Math.Min(request.Position.Quantity, Math.Abs(held));
        var mid = midsTask.Result.TryGetValue(asset.Name, out var m) && m > 0m ? m
            : request.TriggerPrice ?? throw new HyperliquidApiException($"Hyperliquid has no mid price for {asset.Name}.", null, isTransient: true);
        var order = HyperliquidOrders.Market(asset, isBuy: !closesLong, size, mid, _options.Slippage, reduceOnly: true, cloid);

        using var key = _wallets.Decrypt(request.Deployment);
        return ToClose(await SendCheckedAsync(key, user, order, leverage, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<VenuePosition>> GetOpenPositionsAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        var state = await Info.GetClearinghouseStateAsync(HyperliquidAgentWallets.UserOf(deployment), cancellationToken).ConfigureAwait(false);
        return state.Positions
            .Where(p => p.Size != 0m)
            .Select(p => new VenuePosition(
                p.Coin.ToUpperInvariant(),
                p.Size > 0m ? TradeSide.Long : TradeSide.Short,
                Math.Abs(p.Size),
                p.EntryPrice ?? 0m,
                p.Coin))
            .ToList();
    }

    /// <summary>
    /// What became of an order. With <see cref="HyperliquidOptions.EnableStreams"/>, a finished order streamed by
    /// orderUpdates (and its fills by userFills) is answered from memory; otherwise it is looked up by its client order
    /// id with <c>orderStatus</c> (weight 2) and, once filled,
    /// the fills since it was placed (<c>userFillsByTime</c>) for the real size, average price and fee. Places, changes
    /// and cancels nothing. Resting or triggered orders are pending; <c>canceled</c>, <c>rejected</c>,
    /// <c>iocCancelRejected</c>, <c>marginCanceled</c> and every other end state without a fill are cancelled with the
    /// exchange's status word as the reason; an order the exchange does not know (<c>unknownOid</c>) is unknown.
    /// </summary>
    /// <param name="query">The order: deployment (the account), client order id, purpose.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The order's fate now.</returns>
    public async ValueTask<OrderFate> GetOrderFateAsync(OrderFateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cloid = ParseCloid(query.ClientOrderId);
        var user = HyperliquidAgentWallets.UserOf(query.Deployment);
        if (_feeds.TryGetFate(cloid.ToString()) is { } streamed)
        {
            return streamed;
        }

        var state = await Info.GetOrderStatusAsync(user, cloid, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return OrderFate.Unknown($"unknownOid: Hyperliquid knows no order {cloid} for {user}.");
        }

        return await _fills.FateOfAsync(user, state, cancellationToken).ConfigureAwait(false);
    }

    private static CloseResult ToClose(OrderResult result)
    {
        if (result.Status is OrderStatus.Pending or OrderStatus.Resting)
        {
            // Accepted but not filled yet: the position stays closing and fill confirmation asks for the exit by cloid.
            return new CloseResult(result.VenueOrderId, result.AveragePrice, 0m, 0m) { Status = OrderStatus.Pending };
        }

        if (result.Status != OrderStatus.Filled)
        {
            throw new HyperliquidRejectedException($"The reduce-only close {result.VenueOrderId} did not fill ({result.Status}).", "Retry the close when the book has liquidity.");
        }

        return new CloseResult(result.VenueOrderId, result.AveragePrice, result.FilledQuantity, result.FeesUsd);
    }

    private async Task<HyperliquidMarket> FindMarketAsync(string coin, CancellationToken cancellationToken)
    {
        var snapshot = await _markets.GetMarketsAsync(cancellationToken).ConfigureAwait(false);
        if (!snapshot.ByCoin.TryGetValue(coin, out var market))
        {
            throw new VenueException(Venue.Hyperliquid, $"Hyperliquid lists no perpetual {coin}.", "The market catalog may be stale; it refreshes on its interval.");
        }

        if (market.Asset.IsDelisted)
        {
            throw new VenueException(Venue.Hyperliquid, $"{market.Asset.Name} is delisted on Hyperliquid.");
        }

        return market;
    }

    /// <summary>Leverage on Hyperliquid is a whole number up to the asset's maximum; answered from memory.</summary>
    /// <param name="market">The market.</param>
    public VenueLeverageRule GetLeverageRule(MarketInfo market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return WholeLeverage;
    }

    private int LeverageFor(decimal? requested, HyperliquidAsset asset) =>
        (int)LeverageLimits.Clamp(requested ?? _options.DefaultLeverage, marketMax: asset.MaxLeverage, rule: WholeLeverage);

    private async Task EnsureLeverageAsync(EthereumKey key, string user, HyperliquidAsset asset, int leverage, CancellationToken cancellationToken)
    {
        if (_leverageSet.TryGetValue((user, asset.Index), out var current) && current == leverage)
        {
            return;
        }

        var isCross = _options.CrossMargin && !asset.OnlyIsolated;
        await Exchange.UpdateLeverageAsync(key, new UpdateLeverageAction(asset.Index, leverage, isCross), cancellationToken: cancellationToken).ConfigureAwait(false);
        _leverageSet[(user, asset.Index)] = leverage;
    }

    private static Cloid ParseCloid(string clientOrderId) =>
        Cloid.TryParse(clientOrderId, out var cloid)
            ? cloid
            : throw new MaxxitValidationException("client_order_id", "must be 0x followed by 32 hex digits");

    private static decimal MidOf(IReadOnlyDictionary<string, decimal> mids, string coin) =>
        mids.TryGetValue(coin, out var mid) && mid > 0m
            ? mid
            : throw new HyperliquidApiException(
                string.Create(CultureInfo.InvariantCulture, $"Hyperliquid has no mid price for {coin} (no book)."), null, isTransient: true);
}
