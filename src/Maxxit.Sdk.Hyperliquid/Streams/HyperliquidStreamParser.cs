using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Maxxit.Sdk.Hyperliquid.Info;

namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>
/// Reads WebSocket messages with a forward-only reader: the envelope (<c>channel</c>, where <c>data</c> is), and the
/// hot market-data shapes (allMids, l2Book, bbo, trades) straight into their records without a DOM. The rarer user
/// messages go through source-generated DTOs.
/// </summary>
internal static class HyperliquidStreamParser
{
    public static bool TryReadEnvelope(ReadOnlySpan<byte> message, out string channel, out Range data)
    {
        channel = "";
        data = default;
        var reader = new Utf8JsonReader(message);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("channel"u8))
            {
                reader.Read();
                channel = reader.GetString() ?? "";
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                data = start..(int)reader.BytesConsumed;
                found = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return channel.Length > 0 && (found || channel == "pong");
    }

    public static Dictionary<string, decimal> ParseAllMids(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        Expect(ref reader, JsonTokenType.StartObject);
        Dictionary<string, decimal>? mids = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("mids"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            Require(reader.TokenType == JsonTokenType.StartObject, "mids is not an object");
            mids = new Dictionary<string, decimal>(256, StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var coin = Name(ref reader);
                reader.Read();
                mids[coin] = Decimal(ref reader);
            }
        }

        return mids ?? throw new JsonException("allMids without mids");
    }

    public static HyperliquidBook ParseBook(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        Expect(ref reader, JsonTokenType.StartObject);
        string? coin = null;
        long time = 0;
        HyperliquidBookLevel[] bids = [], asks = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("coin"u8))
            {
                reader.Read();
                coin = Name(ref reader);
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                reader.Read();
                time = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("levels"u8))
            {
                reader.Read();
                Require(reader.TokenType == JsonTokenType.StartArray, "levels is not an array");
                reader.Read();
                bids = Levels(ref reader);
                reader.Read();
                asks = Levels(ref reader);
                reader.Read();
                Require(reader.TokenType == JsonTokenType.EndArray, "levels has more than two sides");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new HyperliquidBook(coin ?? throw new JsonException("l2Book without coin"), time, bids, asks);
    }

    public static HyperliquidBbo ParseBbo(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        Expect(ref reader, JsonTokenType.StartObject);
        string? coin = null;
        long time = 0;
        HyperliquidBookLevel? bid = null, ask = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("coin"u8))
            {
                reader.Read();
                coin = Name(ref reader);
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                reader.Read();
                time = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("bbo"u8))
            {
                reader.Read();
                Require(reader.TokenType == JsonTokenType.StartArray, "bbo is not an array");
                reader.Read();
                bid = reader.TokenType == JsonTokenType.Null ? null : Level(ref reader);
                reader.Read();
                ask = reader.TokenType == JsonTokenType.Null ? null : Level(ref reader);
                reader.Read();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new HyperliquidBbo(coin ?? throw new JsonException("bbo without coin"), time, bid, ask);
    }

    public static List<HyperliquidTrade> ParseTrades(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        Expect(ref reader, JsonTokenType.StartArray);
        var trades = new List<HyperliquidTrade>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string coin = "", hash = "";
            bool isBuy = false;
            decimal px = 0m, sz = 0m;
            long time = 0, tid = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("coin"u8))
                {
                    reader.Read();
                    coin = Name(ref reader);
                }
                else if (reader.ValueTextEquals("side"u8))
                {
                    reader.Read();
                    isBuy = reader.ValueTextEquals("B"u8);
                }
                else if (reader.ValueTextEquals("px"u8))
                {
                    reader.Read();
                    px = Decimal(ref reader);
                }
                else if (reader.ValueTextEquals("sz"u8))
                {
                    reader.Read();
                    sz = Decimal(ref reader);
                }
                else if (reader.ValueTextEquals("hash"u8))
                {
                    reader.Read();
                    hash = reader.GetString() ?? "";
                }
                else if (reader.ValueTextEquals("time"u8))
                {
                    reader.Read();
                    time = reader.GetInt64();
                }
                else if (reader.ValueTextEquals("tid"u8))
                {
                    reader.Read();
                    tid = reader.GetInt64();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            trades.Add(new HyperliquidTrade(coin, isBuy, px, sz, time, hash, tid));
        }

        return trades;
    }

    public static (string User, bool IsSnapshot, List<HyperliquidFill> Fills) ParseUserFills(ReadOnlySpan<byte> data)
    {
        var dto = JsonSerializer.Deserialize(data, StreamJsonContext.Default.UserFillsDto) ?? throw new JsonException("userFills is null");
        return (dto.User.ToLowerInvariant(), dto.IsSnapshot, dto.Fills.ConvertAll(HyperliquidInfoClient.ToFill));
    }

    public static List<HyperliquidOrderState> ParseOrderUpdates(ReadOnlySpan<byte> data)
    {
        var updates = JsonSerializer.Deserialize(data, StreamJsonContext.Default.ListOrderStatusOrderDto) ?? [];
        var states = new List<HyperliquidOrderState>(updates.Count);
        foreach (var u in updates)
        {
            if (u.Order is { } o)
            {
                states.Add(new HyperliquidOrderState(o.Coin, o.Side == "B", o.LimitPx, o.OrigSz, o.Sz, o.Oid, o.Cloid?.ToLowerInvariant(), u.Status, u.StatusTimestamp, o.Timestamp));
            }
        }

        return states;
    }

    public static HyperliquidUserEvent ParseUserEvent(ReadOnlySpan<byte> data)
    {
        var json = Encoding.UTF8.GetString(data);
        using var document = JsonDocument.Parse(data.ToArray());
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("fills", out var fills))
        {
            var dtos = fills.Deserialize(StreamJsonContext.Default.ListFillDto) ?? [];
            return new HyperliquidUserEvent(HyperliquidUserEventKind.Fills, dtos.ConvertAll(HyperliquidInfoClient.ToFill), json);
        }

        var kind = root.ValueKind != JsonValueKind.Object ? HyperliquidUserEventKind.Other
            : root.TryGetProperty("funding", out _) ? HyperliquidUserEventKind.Funding
            : root.TryGetProperty("liquidation", out _) ? HyperliquidUserEventKind.Liquidation
            : root.TryGetProperty("nonUserCancel", out _) ? HyperliquidUserEventKind.NonUserCancel
            : HyperliquidUserEventKind.Other;
        return new HyperliquidUserEvent(kind, [], json);
    }

    private static HyperliquidBookLevel[] Levels(ref Utf8JsonReader reader)
    {
        Require(reader.TokenType == JsonTokenType.StartArray, "a book side is not an array");
        var levels = new List<HyperliquidBookLevel>(20);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            levels.Add(Level(ref reader));
        }

        return [.. levels];
    }

    private static HyperliquidBookLevel Level(ref Utf8JsonReader reader)
    {
        Require(reader.TokenType == JsonTokenType.StartObject, "a level is not an object");
        decimal px = 0m, sz = 0m;
        var n = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("px"u8))
            {
                reader.Read();
                px = Decimal(ref reader);
            }
            else if (reader.ValueTextEquals("sz"u8))
            {
                reader.Read();
                sz = Decimal(ref reader);
            }
            else if (reader.ValueTextEquals("n"u8))
            {
                reader.Read();
                n = reader.GetInt32();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new HyperliquidBookLevel(px, sz, n);
    }

    private static string Name(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            ? CoinNames.Get(reader.ValueSpan)
            : reader.GetString() ?? throw new JsonException("expected a name");

    private static decimal Decimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDecimal();
        }

        Require(reader.TokenType == JsonTokenType.String, "expected a decimal string");
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && TryParsePlain(reader.ValueSpan, out var value))
        {
            return value;
        }

        return decimal.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The venue's number strings are plain decimals ("97123.5", "-0.00061334"): digits, at most one point, an optional
    /// minus. Up to 18 significant digits fit a long mantissa and become a decimal without a general-purpose parse;
    /// anything else (exponents, more digits) goes to <see cref="decimal.Parse(string, NumberStyles, IFormatProvider)"/>.
    /// </summary>
    internal static bool TryParsePlain(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        if (i >= text.Length || text.Length - i > 19)
        {
            return false;
        }

        long mantissa = 0;
        var scale = -1;
        var digits = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.')
            {
                if (scale >= 0)
                {
                    return false;
                }

                scale = 0;
                continue;
            }

            var d = c - (byte)'0';
            if ((uint)d > 9 || ++digits > 18)
            {
                return false;
            }

            mantissa = (mantissa * 10) + d;
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (digits == 0 || scale == 0)
        {
            return false;
        }

        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type) =>
        Require(reader.Read() && reader.TokenType == type, $"expected {type}");

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new JsonException(reason);
        }
    }
}

internal sealed class UserFillsDto
{
    public bool IsSnapshot { get; set; }

    public string User { get; set; } = "";

    public List<FillDto> Fills { get; set; } = [];
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(UserFillsDto))]
[JsonSerializable(typeof(List<OrderStatusOrderDto>))]
[JsonSerializable(typeof(List<FillDto>))]
internal sealed partial class StreamJsonContext : JsonSerializerContext;
