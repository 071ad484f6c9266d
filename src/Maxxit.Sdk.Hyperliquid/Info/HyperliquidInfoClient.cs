using System.Buffers;
using System.Net;
using System.Text.Json;
using Maxxit.Sdk.Hyperliquid.Exchange;

namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>The read-only Info API (<c>POST /info</c>): markets, mids, account state, order status and fills.</summary>
public sealed class HyperliquidInfoClient
{
    private readonly HyperliquidHttp _http;

    internal HyperliquidInfoClient(HyperliquidHttp http) => _http = http;

    /// <summary>The perpetual universe from <c>meta</c>, index = position in the universe.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Every perpetual, delisted ones included (they keep their index).</returns>
    public async Task<IReadOnlyList<HyperliquidAsset>> GetMetaAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await PostAsync("meta", null, cancellationToken).ConfigureAwait(false);
        var meta = Deserialize(bytes, InfoJsonContext.Default.MetaDto, "meta");
        return ToAssets(meta);
    }

    /// <summary>Every perpetual with its live context, from <c>metaAndAssetCtxs</c>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The markets, in asset index order.</returns>
    public async Task<IReadOnlyList<HyperliquidMarket>> GetMarketsAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await PostAsync("metaAndAssetCtxs", null, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 2)
            {
                throw Malformed("metaAndAssetCtxs", "expected a two-element array [meta, contexts]");
            }

            var meta = root[0].Deserialize(InfoJsonContext.Default.MetaDto) ?? throw Malformed("metaAndAssetCtxs", "meta is null");
            var contexts = root[1].Deserialize(InfoJsonContext.Default.ListAssetCtxDto) ?? throw Malformed("metaAndAssetCtxs", "contexts are null");
            if (contexts.Count != meta.Universe.Count)
            {
                throw Malformed("metaAndAssetCtxs", $"{meta.Universe.Count} assets but {contexts.Count} contexts");
            }

            var assets = ToAssets(meta);
            var markets = new HyperliquidMarket[assets.Count];
            for (var i = 0; i < markets.Length; i++)
            {
                var c = contexts[i];
                markets[i] = new HyperliquidMarket(
                    assets[i],
                    new HyperliquidAssetContext(
                        c.MarkPx ?? 0m, c.MidPx, c.OraclePx ?? 0m, c.DayNtlVlm, c.Funding, c.OpenInterest, c.PrevDayPx ?? 0m));
            }

            return markets;
        }
        catch (JsonException ex)
        {
            throw Malformed("metaAndAssetCtxs", ex.Message, ex);
        }
    }

    /// <summary>The mid price of every coin with a book, from <c>allMids</c>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Coin to mid price.</returns>
    public async Task<IReadOnlyDictionary<string, decimal>> GetAllMidsAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await PostAsync("allMids", null, cancellationToken).ConfigureAwait(false);
        return Deserialize(bytes, InfoJsonContext.Default.DictionaryStringDecimal, "allMids");
    }

    /// <summary>A user's perp account: value, margin, withdrawable and positions, from <c>clearinghouseState</c>.</summary>
    /// <param name="user">The account address (the user's wallet, not the agent's).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account state.</returns>
    public async Task<ClearinghouseState> GetClearinghouseStateAsync(string user, CancellationToken cancellationToken = default)
    {
        var address = HyperliquidAddress.Normalize(user, nameof(user));
        var bytes = await PostAsync("clearinghouseState", w => w.WriteString("user", address), cancellationToken).ConfigureAwait(false);
        var dto = Deserialize(bytes, InfoJsonContext.Default.ClearinghouseDto, "clearinghouseState");
        var positions = new List<HyperliquidPosition>(dto.AssetPositions.Count);
        foreach (var entry in dto.AssetPositions)
        {
            if (entry.Position is not { } p)
            {
                continue;
            }

            positions.Add(new HyperliquidPosition(
                p.Coin, p.Szi, p.EntryPx, p.PositionValue, p.UnrealizedPnl, p.ReturnOnEquity, p.LiquidationPx, p.MarginUsed,
                p.Leverage?.Value ?? 0, !string.Equals(p.Leverage?.Type, "isolated", StringComparison.Ordinal)));
        }

        var summary = dto.MarginSummary ?? throw Malformed("clearinghouseState", "marginSummary is missing");
        return new ClearinghouseState(summary.AccountValue, summary.TotalMarginUsed, summary.TotalNtlPos, dto.Withdrawable, positions, dto.Time);
    }

    /// <summary>Looks an order up by client order id (<c>orderStatus</c>).</summary>
    /// <param name="user">The account address.</param>
    /// <param name="clientOrderId">The client order id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The order, or null when the exchange knows no such order for this user.</returns>
    public Task<HyperliquidOrderState?> GetOrderStatusAsync(string user, Cloid clientOrderId, CancellationToken cancellationToken = default)
    {
        var address = HyperliquidAddress.Normalize(user, nameof(user));
        var cloid = clientOrderId.ToString();
        return GetOrderStatusAsync(address, w => w.WriteString("oid", cloid), cancellationToken);
    }

    /// <summary>Looks an order up by exchange order id (<c>orderStatus</c>).</summary>
    /// <param name="user">The account address.</param>
    /// <param name="orderId">The exchange order id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The order, or null when the exchange knows no such order for this user.</returns>
    public Task<HyperliquidOrderState?> GetOrderStatusAsync(string user, long orderId, CancellationToken cancellationToken = default)
    {
        var address = HyperliquidAddress.Normalize(user, nameof(user));
        return GetOrderStatusAsync(address, w => w.WriteNumber("oid", orderId), cancellationToken);
    }

    /// <summary>A user's most recent fills (<c>userFills</c>, newest first, at most 2000).</summary>
    /// <param name="user">The account address.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The fills.</returns>
    public async Task<IReadOnlyList<HyperliquidFill>> GetUserFillsAsync(string user, CancellationToken cancellationToken = default)
    {
        var address = HyperliquidAddress.Normalize(user, nameof(user));
        var bytes = await PostAsync("userFills", w => w.WriteString("user", address), cancellationToken).ConfigureAwait(false);
        var fills = Deserialize(bytes, InfoJsonContext.Default.ListFillDto, "userFills");
        _http.ChargeItems("userFills", fills.Count);
        return fills.ConvertAll(ToFill);
    }

    /// <summary>
    /// A user's fills between two times (<c>userFillsByTime</c>, oldest first, at most 2,000 per answer; only the
    /// 10,000 most recent fills are kept by the exchange). Page by asking again from the last fill's time.
    /// </summary>
    /// <param name="user">The account address.</param>
    /// <param name="startTime">From this time, UTC milliseconds, inclusive.</param>
    /// <param name="endTime">Up to this time, UTC milliseconds; null for now.</param>
    /// <param name="aggregateByTime">Merge partial fills of one order at one time into one fill.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The fills.</returns>
    public async Task<IReadOnlyList<HyperliquidFill>> GetUserFillsByTimeAsync(
        string user, long startTime, long? endTime = null, bool aggregateByTime = false, CancellationToken cancellationToken = default)
    {
        var address = HyperliquidAddress.Normalize(user, nameof(user));
        if (startTime < 0)
        {
            throw new Errors.MaxxitValidationException("start_time", "must not be negative");
        }

        var bytes = await PostAsync(
            "userFillsByTime",
            w =>
            {
                w.WriteString("user", address);
                w.WriteNumber("startTime", startTime);
                if (endTime is { } end)
                {
                    w.WriteNumber("endTime", end);
                }

                if (aggregateByTime)
                {
                    w.WriteBoolean("aggregateByTime", true);
                }
            },
            cancellationToken).ConfigureAwait(false);
        var fills = Deserialize(bytes, InfoJsonContext.Default.ListFillDto, "userFillsByTime");
        _http.ChargeItems("userFillsByTime", fills.Count);
        return fills.ConvertAll(ToFill);
    }

    /// <summary>A user's resting orders: <c>openOrders</c> (weight 20), or <c>frontendOpenOrders</c> with cloid, type and trigger fields.</summary>
    /// <param name="user">The account address.</param>
    /// <param name="frontend">Ask <c>frontendOpenOrders</c> for the full shape.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The orders, newest first.</returns>
    public async Task<IReadOnlyList<HyperliquidOpenOrder>> GetOpenOrdersAsync(string user, bool frontend = false, CancellationToken cancellationToken = default)
    {
        var address = HyperliquidAddress.Normalize(user, nameof(user));
        var type = frontend ? "frontendOpenOrders" : "openOrders";
        var bytes = await PostAsync(type, w => w.WriteString("user", address), cancellationToken).ConfigureAwait(false);
        return Deserialize(bytes, InfoJsonContext.Default.ListOpenOrderDto, type).ConvertAll(o =>
            new HyperliquidOpenOrder(o.Coin, o.Side == "B", o.LimitPx, o.Sz, o.Oid, o.Timestamp)
            {
                OriginalSize = o.OrigSz,
                ClientOrderId = o.Cloid,
                OrderType = o.OrderType,
                TimeInForce = o.Tif,
                ReduceOnly = o.ReduceOnly,
                IsTrigger = o.IsTrigger,
                TriggerPrice = o.TriggerPx,
            });
    }

    /// <summary>A user's most recent orders with their final status (<c>historicalOrders</c>, at most 2,000; weight 20 + 1 per 20).</summary>
    /// <param name="user">The account address.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The orders, newest first.</returns>
    public async Task<IReadOnlyList<HyperliquidOrderState>> GetHistoricalOrdersAsync(string user, CancellationToken cancellationToken = default)
    {
        var address = HyperliquidAddress.Normalize(user, nameof(user));
        var bytes = await PostAsync("historicalOrders", w => w.WriteString("user", address), cancellationToken).ConfigureAwait(false);
        var orders = Deserialize(bytes, InfoJsonContext.Default.ListOrderStatusOrderDto, "historicalOrders");
        _http.ChargeItems("historicalOrders", orders.Count);
        var states = new List<HyperliquidOrderState>(orders.Count);
        foreach (var entry in orders)
        {
            if (entry.Order is { } o)
            {
                states.Add(new HyperliquidOrderState(o.Coin, o.Side == "B", o.LimitPx, o.OrigSz, o.Sz, o.Oid, o.Cloid, entry.Status, entry.StatusTimestamp, o.Timestamp));
            }
        }

        return states;
    }

    /// <summary>Candles of a coin (<c>candleSnapshot</c>; at most 5,000 of the most recent; weight 20 + 1 per 60).</summary>
    /// <param name="coin">The coin.</param>
    /// <param name="interval">1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 8h, 12h, 1d, 3d, 1w or 1M.</param>
    /// <param name="startTime">From, UTC milliseconds.</param>
    /// <param name="endTime">To, UTC milliseconds.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The candles, oldest first.</returns>
    public async Task<IReadOnlyList<HyperliquidCandle>> GetCandlesAsync(string coin, string interval, long startTime, long endTime, CancellationToken cancellationToken = default)
    {
        RequireCoin(coin);
        if (!CandleIntervals.Contains(interval))
        {
            throw new Errors.MaxxitValidationException("interval", "must be one of " + string.Join(", ", CandleIntervals));
        }

        if (startTime < 0 || endTime < startTime)
        {
            throw new Errors.MaxxitValidationException("end_time", "must not be before start_time (both UTC milliseconds, not negative)");
        }

        var bytes = await PostAsync(
            "candleSnapshot",
            w =>
            {
                w.WriteStartObject("req");
                w.WriteString("coin", coin);
                w.WriteString("interval", interval);
                w.WriteNumber("startTime", startTime);
                w.WriteNumber("endTime", endTime);
                w.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
        var candles = Deserialize(bytes, InfoJsonContext.Default.ListCandleDto, "candleSnapshot");
        _http.ChargeItems("candleSnapshot", candles.Count);
        return candles.ConvertAll(c => new HyperliquidCandle(c.Coin, c.Interval, c.OpenTime, c.CloseTime, c.Open, c.High, c.Low, c.Close, c.Volume, c.Trades));
    }

    /// <summary>A coin's funding rates over time (<c>fundingHistory</c>; weight 20 + 1 per 20).</summary>
    /// <param name="coin">The coin.</param>
    /// <param name="startTime">From, UTC milliseconds.</param>
    /// <param name="endTime">To, UTC milliseconds; null for now.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rates, oldest first.</returns>
    public async Task<IReadOnlyList<HyperliquidFundingRate>> GetFundingHistoryAsync(string coin, long startTime, long? endTime = null, CancellationToken cancellationToken = default)
    {
        RequireCoin(coin);
        var bytes = await PostAsync("fundingHistory", w => WriteRange(w.WriteStringAnd("coin", coin), startTime, endTime), cancellationToken).ConfigureAwait(false);
        var rates = Deserialize(bytes, InfoJsonContext.Default.ListFundingRateDto, "fundingHistory");
        _http.ChargeItems("fundingHistory", rates.Count);
        return rates.ConvertAll(r => new HyperliquidFundingRate(r.Coin, r.FundingRate, r.Premium, r.Time));
    }

    /// <summary>A user's funding payments (<c>userFunding</c>; weight 20 + 1 per 20).</summary>
    /// <param name="user">The account address.</param>
    /// <param name="startTime">From, UTC milliseconds.</param>
    /// <param name="endTime">To, UTC milliseconds; null for now.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The payments, oldest first.</returns>
    public async Task<IReadOnlyList<HyperliquidFundingPayment>> GetUserFundingAsync(string user, long startTime, long? endTime = null, CancellationToken cancellationToken = default)
    {
        var address = HyperliquidAddress.Normalize(user, nameof(user));
        var bytes = await PostAsync("userFunding", w => WriteRange(w.WriteStringAnd("user", address), startTime, endTime), cancellationToken).ConfigureAwait(false);
        var payments = Deserialize(bytes, InfoJsonContext.Default.ListUserFundingDto, "userFunding");
        _http.ChargeItems("userFunding", payments.Count);
        return payments
            .Where(p => p.Delta is not null)
            .Select(p => new HyperliquidFundingPayment(p.Delta!.Coin, p.Delta.Usdc, p.Delta.Szi, p.Delta.FundingRate, p.Time, p.Hash))
            .ToList();
    }

    /// <summary>A coin's book now (<c>l2Book</c>, weight 2): up to 20 levels a side.</summary>
    /// <param name="coin">The coin.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The book.</returns>
    public async Task<Streams.HyperliquidBook> GetL2BookAsync(string coin, CancellationToken cancellationToken = default)
    {
        RequireCoin(coin);
        var bytes = await PostAsync("l2Book", w => w.WriteString("coin", coin), cancellationToken).ConfigureAwait(false);
        try
        {
            return Streams.HyperliquidStreamParser.ParseBook(bytes);
        }
        catch (JsonException ex)
        {
            throw Malformed("l2Book", ex.Message, ex);
        }
    }

    private static readonly string[] CandleIntervals = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "12h", "1d", "3d", "1w", "1M"];

    private static void RequireCoin(string coin)
    {
        if (string.IsNullOrWhiteSpace(coin))
        {
            throw new Errors.MaxxitValidationException("coin", "must not be empty");
        }
    }

    private static void WriteRange(Utf8JsonWriter w, long startTime, long? endTime)
    {
        if (startTime < 0 || endTime < startTime)
        {
            throw new Errors.MaxxitValidationException("start_time", "must not be negative or after end_time");
        }

        w.WriteNumber("startTime", startTime);
        if (endTime is { } end)
        {
            w.WriteNumber("endTime", end);
        }
    }

    internal static HyperliquidFill ToFill(FillDto f) => new(f.Coin, f.Px, f.Sz, f.Side == "B", f.Time, f.Oid, f.Fee, f.ClosedPnl, f.Cloid)
    {
        Direction = f.Dir,
        TradeId = f.Tid,
        Hash = f.Hash,
        StartPosition = f.StartPosition,
        FeeToken = f.FeeToken,
    };

    private async Task<HyperliquidOrderState?> GetOrderStatusAsync(string address, Action<Utf8JsonWriter> writeOid, CancellationToken cancellationToken)
    {
        var bytes = await PostAsync(
            "orderStatus",
            w =>
            {
                w.WriteString("user", address);
                writeOid(w);
            },
            cancellationToken).ConfigureAwait(false);
        var dto = Deserialize(bytes, InfoJsonContext.Default.OrderStatusDto, "orderStatus");
        if (dto.Status != "order")
        {
            return null;
        }

        if (dto.Order?.Order is not { } o)
        {
            throw Malformed("orderStatus", "status is 'order' but the order is missing");
        }

        return new HyperliquidOrderState(
            o.Coin, o.Side == "B", o.LimitPx, o.OrigSz, o.Sz, o.Oid, o.Cloid, dto.Order.Status, dto.Order.StatusTimestamp, o.Timestamp);
    }

    private async Task<byte[]> PostAsync(string type, Action<Utf8JsonWriter>? writeFields, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writeFields?.Invoke(writer);
            writer.WriteEndObject();
        }

        return await _http.PostInfoAsync(buffer.WrittenSpan.ToArray(), type, cancellationToken).ConfigureAwait(false);
    }

    private static List<HyperliquidAsset> ToAssets(MetaDto meta)
    {
        var assets = new List<HyperliquidAsset>(meta.Universe.Count);
        for (var i = 0; i < meta.Universe.Count; i++)
        {
            var a = meta.Universe[i];
            assets.Add(new HyperliquidAsset(i, a.Name, a.SzDecimals, a.MaxLeverage, a.OnlyIsolated, a.IsDelisted));
        }

        return assets;
    }

    private static T Deserialize<T>(byte[] bytes, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string request)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type) ?? throw Malformed(request, "the body is null");
        }
        catch (JsonException ex)
        {
            throw Malformed(request, ex.Message, ex);
        }
    }

    private static HyperliquidApiException Malformed(string request, string reason, Exception? inner = null) =>
        new($"Hyperliquid {request} returned an unexpected body: {reason}", HttpStatusCode.OK, isTransient: false, inner);
}
