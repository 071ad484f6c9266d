using System.Collections.Concurrent;
using System.Globalization;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Hyperliquid.Exchange;
using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>
/// The Hyperliquid venue: lists the perpetuals from <c>metaAndAssetCtxs</c>, and opens positions as IOC limit orders at
/// mid ± slippage signed by the deployment's agent wallet for the user's account. Every order carries the core's
/// deterministic client order id, and the venue is asked for that id before placing, so a re-run never opens twice.
/// </summary>
public sealed class HyperliquidVenue : IVenueAdapter
{
    private readonly HyperliquidHttp _http;
    private readonly IAgentKeyProtector _keys;
    private readonly HyperliquidOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HyperliquidVenue> _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly ConcurrentDictionary<(string User, int Asset), int> _leverageSet = new();
    private volatile HyperliquidMarketSnapshot? _snapshot;

    internal HyperliquidVenue(
        HyperliquidHttp http,
        HyperliquidInfoClient info,
        HyperliquidExchangeClient exchange,
        IAgentKeyProtector keys,
        IOptions<HyperliquidOptions> options,
        TimeProvider time,
        ILogger<HyperliquidVenue> logger)
    {
        _http = http;
        Info = info;
        Exchange = exchange;
        _keys = keys;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public Venue Venue => Venue.Hyperliquid;

    /// <summary>The Info API client, for reads beyond the adapter contract.</summary>
    public HyperliquidInfoClient Info { get; }

    /// <summary>The Exchange API client, for actions beyond the adapter contract (cancels, trigger orders, approveAgent).</summary>
    public HyperliquidExchangeClient Exchange { get; }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var markets = new List<MarketInfo>(snapshot.Markets.Count);
        foreach (var m in snapshot.Markets)
        {
            if (m.Asset.IsDelisted)
            {
                continue;
            }

            markets.Add(new MarketInfo
            {
                Venue = Venue.Hyperliquid,
                Symbol = m.Asset.Name.ToUpperInvariant(),
                VenueSymbol = m.Asset.Name,
                AssetIndex = m.Asset.Index,
                SizeDecimals = m.Asset.SzDecimals,
                MaxLeverage = m.Asset.MaxLeverage,
                ReferencePrice = m.Context.MidPrice ?? m.Context.MarkPrice,
                Category = "crypto",
            });
        }

        return markets;
    }

    /// <inheritdoc />
    public async ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Cloid.TryParse(request.ClientOrderId, out var cloid))
        {
            throw new MaxxitValidationException("client_order_id", "must be 0x followed by 32 hex digits");
        }

        if (request.SizePercent is <= 0m or > 100m)
        {
            throw new MaxxitValidationException("size_percent", "must be in (0, 100]");
        }

        var wallet = AgentWalletOf(request.Deployment);
        var user = UserOf(request.Deployment);
        var market = await FindMarketAsync(request.Market, cancellationToken).ConfigureAwait(false);
        var asset = market.Asset;

        // Both reads are safe to repeat; the order-status read is what makes a re-run idempotent.
        var existingTask = Info.GetOrderStatusAsync(user, cloid, cancellationToken);
        var midsTask = Info.GetAllMidsAsync(cancellationToken);
        var accountTask = Info.GetClearinghouseStateAsync(user, cancellationToken);
        await Task.WhenAll(existingTask, midsTask, accountTask).ConfigureAwait(false);

        var leverage = LeverageFor(request.Leverage, asset);
        if (existingTask.Result is { } existing)
        {
            _logger.LogInformation("Hyperliquid order {Cloid} already exists (oid {Oid}, {Status}); not placing another", cloid, existing.OrderId, existing.Status);
            return await FromExistingAsync(user, existing, leverage, cancellationToken).ConfigureAwait(false);
        }

        var mid = MidOf(midsTask.Result, asset.Name);
        var collateral = accountTask.Result.AccountValue * request.SizePercent / 100m;
        var isBuy = request.Side == TradeSide.Long;
        var order = HyperliquidOrders.Market(asset, isBuy, collateral * leverage / mid, mid, _options.Slippage, reduceOnly: false, cloid, _options.MinimumOrderValue);

        using var key = DecryptAgentKey(wallet);
        await EnsureLeverageAsync(key, user, asset, leverage, cancellationToken).ConfigureAwait(false);
        await request.Journal.RecordSubmissionAsync(cloid.ToString(), cancellationToken).ConfigureAwait(false);
        var result = await Exchange.PlaceOrderAsync(key, order, cancellationToken).ConfigureAwait(false);
        return await ToOrderResultAsync(user, result, order, leverage, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_http.CircuitState switch
        {
            CircuitState.Open or CircuitState.Isolated => new VenueHealth(false, "circuit open after repeated Hyperliquid API failures"),
            CircuitState.HalfOpen => new VenueHealth(true, "circuit half-open: trial requests"),
            _ => new VenueHealth(true, _options.Network.ToString()),
        });

    /// <summary>Current mid prices keyed by the router's upper-case symbol (e.g. ETH, KPEPE), for listed perpetuals.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Symbol to mid price.</returns>
    public async Task<IReadOnlyDictionary<string, decimal>> GetMidPricesAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var mids = await Info.GetAllMidsAsync(cancellationToken).ConfigureAwait(false);
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (coin, mid) in mids)
        {
            if (snapshot.ByCoin.TryGetValue(coin, out var market) && !market.Asset.IsDelisted)
            {
                prices[coin.ToUpperInvariant()] = mid;
            }
        }

        return prices;
    }

    /// <summary>The user's account on Hyperliquid (value, withdrawable, open positions).</summary>
    /// <param name="deployment">The deployment whose user wallet is the account.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account state.</returns>
    public Task<ClearinghouseState> GetAccountAsync(AgentDeployment deployment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return Info.GetClearinghouseStateAsync(UserOf(deployment), cancellationToken);
    }

    /// <summary>
    /// Closes the deployment's whole position in a symbol with a reduce-only IOC at mid ∓ slippage. The order carries the
    /// deterministic close id of (signal, deployment), so a repeated close returns the first close instead of sending another.
    /// </summary>
    /// <param name="deployment">The deployment (user account and agent wallet).</param>
    /// <param name="signalId">The signal that opened the position.</param>
    /// <param name="symbol">The router's symbol, e.g. ETH.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The close fill, or null when the account holds no position in the symbol and no close was placed before.</returns>
    /// <exception cref="HyperliquidRejectedException">The exchange refused the close.</exception>
    public async Task<OrderResult?> ClosePositionAsync(AgentDeployment deployment, Guid signalId, string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        var wallet = AgentWalletOf(deployment);
        var user = UserOf(deployment);
        var cloid = Cloid.Parse(ClientOrderId.For(signalId, deployment.Id, ClientOrderId.Close));
        var snapshot = await GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var market = snapshot.Markets.FirstOrDefault(m => string.Equals(m.Asset.Name, symbol, StringComparison.OrdinalIgnoreCase))
            ?? throw new VenueException(Venue.Hyperliquid, $"Hyperliquid lists no perpetual {symbol}.");

        var existingTask = Info.GetOrderStatusAsync(user, cloid, cancellationToken);
        var midsTask = Info.GetAllMidsAsync(cancellationToken);
        var accountTask = Info.GetClearinghouseStateAsync(user, cancellationToken);
        await Task.WhenAll(existingTask, midsTask, accountTask).ConfigureAwait(false);
        var position = accountTask.Result.Positions.FirstOrDefault(p => p.Coin == market.Asset.Name);
        var leverage = position?.Leverage ?? 1;
        if (existingTask.Result is { } existing)
        {
            return await FromExistingAsync(user, existing, leverage, cancellationToken).ConfigureAwait(false);
        }

        if (position is null || position.Size == 0m)
        {
            return null;
        }

        var mid = MidOf(midsTask.Result, market.Asset.Name);
        var order = HyperliquidOrders.Market(market.Asset, isBuy: position.Size < 0m, Math.Abs(position.Size), mid, _options.Slippage, reduceOnly: true, cloid);
        using var key = DecryptAgentKey(wallet);
        var result = await Exchange.PlaceOrderAsync(key, order, cancellationToken).ConfigureAwait(false);
        return await ToOrderResultAsync(user, result, order, leverage, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HyperliquidMarket> FindMarketAsync(MarketInfo requested, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (!snapshot.ByCoin.TryGetValue(requested.VenueSymbol, out var market))
        {
            throw new VenueException(Venue.Hyperliquid, $"Hyperliquid lists no perpetual {requested.VenueSymbol}.", "the market catalog is stale; it refreshes on its interval");
        }

        if (market.Asset.IsDelisted)
        {
            throw new VenueException(Venue.Hyperliquid, $"{market.Asset.Name} is delisted on Hyperliquid.");
        }

        return market;
    }

    private async ValueTask<HyperliquidMarketSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && _time.GetElapsedTime(snapshot.LoadedAt) < _options.MarketRefreshInterval)
        {
            return snapshot;
        }

        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && _time.GetElapsedTime(snapshot.LoadedAt) < _options.MarketRefreshInterval)
            {
                return snapshot;
            }

            var markets = await Info.GetMarketsAsync(cancellationToken).ConfigureAwait(false);
            snapshot = new HyperliquidMarketSnapshot(markets, _time.GetTimestamp());
            _snapshot = snapshot;
            _logger.LogDebug("Loaded {Count} Hyperliquid perpetuals", markets.Count);
            return snapshot;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private int LeverageFor(decimal? requested, HyperliquidAsset asset)
    {
        var wanted = requested ?? _options.DefaultLeverage;
        if (wanted < 1m)
        {
            throw new MaxxitValidationException("leverage", "must be at least 1");
        }

        // Hyperliquid leverage is a whole number; round down so the position is never more leveraged than asked.
        return (int)Math.Min(decimal.Floor(wanted), Math.Max(1, asset.MaxLeverage));
    }

    private async Task EnsureLeverageAsync(EthereumKey key, string user, HyperliquidAsset asset, int leverage, CancellationToken cancellationToken)
    {
        if (_leverageSet.TryGetValue((user, asset.Index), out var current) && current == leverage)
        {
            return;
        }

        var isCross = _options.CrossMargin && !asset.OnlyIsolated;
        await Exchange.UpdateLeverageAsync(key, new UpdateLeverageAction(asset.Index, leverage, isCross), cancellationToken).ConfigureAwait(false);
        _leverageSet[(user, asset.Index)] = leverage;
    }

    private async Task<OrderResult> ToOrderResultAsync(string user, HyperliquidOrderResult result, HyperliquidOrder order, int leverage, CancellationToken cancellationToken)
    {
        var oid = result.OrderId ?? throw new HyperliquidApiException("Hyperliquid accepted the order without an order id.", null, isTransient: false);
        if (result.Kind == HyperliquidOrderResultKind.Filled && result.AveragePrice is { } avg)
        {
            var fees = await FeesOfAsync(user, oid, cancellationToken).ConfigureAwait(false);
            return new OrderResult
            {
                Status = OrderStatus.Filled,
                VenueOrderId = oid.ToString(CultureInfo.InvariantCulture),
                FilledQuantity = result.FilledSize,
                AveragePrice = avg,
                Leverage = leverage,
                CollateralUsd = result.FilledSize * avg / leverage,
                FeesUsd = fees,
                SubmissionId = order.ClientOrderId?.ToString(),
            };
        }

        return new OrderResult
        {
            Status = result.Kind == HyperliquidOrderResultKind.Resting ? OrderStatus.Resting : OrderStatus.Pending,
            VenueOrderId = oid.ToString(CultureInfo.InvariantCulture),
            FilledQuantity = 0m,
            AveragePrice = order.LimitPrice,
            Leverage = leverage,
            CollateralUsd = order.Size * order.LimitPrice / leverage,
            SubmissionId = order.ClientOrderId?.ToString(),
        };
    }

    private async Task<OrderResult> FromExistingAsync(string user, HyperliquidOrderState existing, int leverage, CancellationToken cancellationToken)
    {
        var filled = existing.FilledSize;
        if (filled <= 0m && existing.Status != "open" && existing.Status != "triggered")
        {
            throw new HyperliquidRejectedException(
                $"The earlier order with this client order id ended as '{existing.Status}' without a fill.",
                "It will not be re-sent under the same id; the execution is recorded as failed.");
        }

        if (filled <= 0m)
        {
            return new OrderResult
            {
                Status = OrderStatus.Resting,
                VenueOrderId = existing.OrderId.ToString(CultureInfo.InvariantCulture),
                FilledQuantity = 0m,
                AveragePrice = existing.LimitPrice,
                Leverage = leverage,
                CollateralUsd = existing.OriginalSize * existing.LimitPrice / leverage,
                SubmissionId = existing.ClientOrderId,
            };
        }

        var fills = await Info.GetUserFillsAsync(user, cancellationToken).ConfigureAwait(false);
        decimal size = 0m, notional = 0m, fees = 0m;
        foreach (var fill in fills)
        {
            if (fill.OrderId == existing.OrderId)
            {
                size += fill.Size;
                notional += fill.Size * fill.Price;
                fees += fill.Fee;
            }
        }

        // Fills older than the exchange's recent-fills window are gone; the limit price bounds the true average.
        var average = size > 0m ? notional / size : existing.LimitPrice;
        return new OrderResult
        {
            Status = OrderStatus.Filled,
            VenueOrderId = existing.OrderId.ToString(CultureInfo.InvariantCulture),
            FilledQuantity = filled,
            AveragePrice = average,
            Leverage = leverage,
            CollateralUsd = filled * average / leverage,
            FeesUsd = fees,
            SubmissionId = existing.ClientOrderId,
        };
    }

    private async Task<decimal> FeesOfAsync(string user, long oid, CancellationToken cancellationToken)
    {
        try
        {
            var fills = await Info.GetUserFillsAsync(user, cancellationToken).ConfigureAwait(false);
            return fills.Where(f => f.OrderId == oid).Sum(f => f.Fee);
        }
        catch (HyperliquidApiException ex)
        {
            // The order is filled either way; a missing fee figure must not turn a fill into a failure.
            _logger.LogWarning(ex, "Could not read fees of Hyperliquid order {Oid}", oid);
            return 0m;
        }
    }

    private EthereumKey DecryptAgentKey(VenueAgentWallet wallet)
    {
        using var secret = _keys.Unprotect(wallet.EncryptedKey!);
        var key = new EthereumKey(secret.Span);
        if (!EthereumAddress.TryParse(wallet.Address, out var expected) || key.Address != expected)
        {
            var actual = key.Address;
            key.Dispose();
            throw new VenueException(
                Venue.Hyperliquid,
                $"The stored Hyperliquid agent key belongs to {actual}, not to the deployment's agent wallet {wallet.Address}.",
                "Re-deploy with the key of the approved agent wallet.");
        }

        return key;
    }

    private static VenueAgentWallet AgentWalletOf(AgentDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (!deployment.AgentWallets.TryGetValue(Venue.Hyperliquid, out var wallet) || wallet.EncryptedKey is null)
        {
            throw new VenueException(
                Venue.Hyperliquid,
                $"Deployment {deployment.Id} has no Hyperliquid agent wallet key.",
                "Deploy with a Hyperliquid agent wallet that the user approved with approveAgent.");
        }

        return wallet;
    }

    private static string UserOf(AgentDeployment deployment)
    {
        try
        {
            return HyperliquidAddress.Normalize(deployment.UserWallet, "user_wallet");
        }
        catch (ArgumentException)
        {
            throw new MaxxitValidationException("user_wallet", "must be a 0x-prefixed 20-byte hex address");
        }
    }

    private static decimal MidOf(IReadOnlyDictionary<string, decimal> mids, string coin) =>
        mids.TryGetValue(coin, out var mid) && mid > 0m
            ? mid
            : throw new HyperliquidApiException($"Hyperliquid has no mid price for {coin} (no book).", null, isTransient: true);
}
