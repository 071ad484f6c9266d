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
