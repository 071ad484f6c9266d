using System.Text.Json.Serialization;

namespace Maxxit.Sdk.Hyperliquid.Info;

// Wire shapes of /info responses, kept internal: the public API exposes the records above instead.
internal sealed class MetaDto
{
    public List<AssetDto> Universe { get; set; } = [];
}

internal sealed class AssetDto
{
    public string Name { get; set; } = "";

    public int SzDecimals { get; set; }

    public int MaxLeverage { get; set; }

    public bool OnlyIsolated { get; set; }

    public bool IsDelisted { get; set; }
}

internal sealed class AssetCtxDto
{
    public decimal DayNtlVlm { get; set; }

    public decimal Funding { get; set; }

    public decimal? MarkPx { get; set; }

    public decimal? MidPx { get; set; }

    public decimal OpenInterest { get; set; }

    public decimal? OraclePx { get; set; }

    public decimal? PrevDayPx { get; set; }
}

internal sealed class ClearinghouseDto
{
    public List<AssetPositionDto> AssetPositions { get; set; } = [];

    public MarginSummaryDto? MarginSummary { get; set; }

    public decimal Withdrawable { get; set; }

    public long? Time { get; set; }
}

internal sealed class AssetPositionDto
{
    public PositionDto? Position { get; set; }
}

internal sealed class PositionDto
{
    public string Coin { get; set; } = "";

    public decimal? EntryPx { get; set; }

    public LeverageDto? Leverage { get; set; }

    public decimal? LiquidationPx { get; set; }

    public decimal MarginUsed { get; set; }

    public decimal PositionValue { get; set; }

    public decimal ReturnOnEquity { get; set; }

    public decimal Szi { get; set; }

    public decimal UnrealizedPnl { get; set; }
}

internal sealed class LeverageDto
{
    public string Type { get; set; } = "cross";

    public int Value { get; set; }
}

internal sealed class MarginSummaryDto
{
    public decimal AccountValue { get; set; }

    public decimal TotalMarginUsed { get; set; }

    public decimal TotalNtlPos { get; set; }
}

internal sealed class OrderStatusDto
{
    public string Status { get; set; } = "";

    public OrderStatusOrderDto? Order { get; set; }
}

internal sealed class OrderStatusOrderDto
{
    public OrderDto? Order { get; set; }

    public string Status { get; set; } = "";

    public long StatusTimestamp { get; set; }
}

internal sealed class OrderDto
{
    public string Coin { get; set; } = "";

    public string Side { get; set; } = "";

    public decimal LimitPx { get; set; }

    public decimal Sz { get; set; }

    public long Oid { get; set; }

    public long Timestamp { get; set; }

    public decimal OrigSz { get; set; }

    public string? Cloid { get; set; }

    public string? OrderType { get; set; }

    public string? Tif { get; set; }

    public bool? ReduceOnly { get; set; }

    public bool? IsTrigger { get; set; }

    public decimal? TriggerPx { get; set; }
}

internal sealed class OpenOrderDto
{
    public string Coin { get; set; } = "";

    public string Side { get; set; } = "";

    public decimal LimitPx { get; set; }

    public decimal Sz { get; set; }

    public long Oid { get; set; }

    public long Timestamp { get; set; }

    public decimal? OrigSz { get; set; }

    public string? Cloid { get; set; }

    public string? OrderType { get; set; }

    public string? Tif { get; set; }

    public bool? ReduceOnly { get; set; }

    public bool? IsTrigger { get; set; }

    public decimal? TriggerPx { get; set; }
}

internal sealed class CandleDto
{
    [JsonPropertyName("s")]
    public string Coin { get; set; } = "";

    [JsonPropertyName("i")]
    public string Interval { get; set; } = "";

    [JsonPropertyName("t")]
    public long OpenTime { get; set; }

    [JsonPropertyName("T")]
    public long CloseTime { get; set; }

    [JsonPropertyName("o")]
    public decimal Open { get; set; }

    [JsonPropertyName("h")]
    public decimal High { get; set; }

    [JsonPropertyName("l")]
    public decimal Low { get; set; }

    [JsonPropertyName("c")]
    public decimal Close { get; set; }

    [JsonPropertyName("v")]
    public decimal Volume { get; set; }

    [JsonPropertyName("n")]
    public long Trades { get; set; }
}

internal sealed class FundingRateDto
{
    public string Coin { get; set; } = "";

    public decimal FundingRate { get; set; }

    public decimal Premium { get; set; }

    public long Time { get; set; }
}

internal sealed class UserFundingDto
{
    public long Time { get; set; }

    public string Hash { get; set; } = "";

    public UserFundingDeltaDto? Delta { get; set; }
}

internal sealed class UserFundingDeltaDto
{
    public string Coin { get; set; } = "";

    public decimal Usdc { get; set; }

    public decimal Szi { get; set; }

    public decimal FundingRate { get; set; }
}

internal sealed class FillDto
{
    public string Coin { get; set; } = "";

    public decimal Px { get; set; }

    public decimal Sz { get; set; }

    public string Side { get; set; } = "";

    public long Time { get; set; }

    public long Oid { get; set; }

    public decimal Fee { get; set; }

    public decimal ClosedPnl { get; set; }

    public string? Cloid { get; set; }

    public string? Dir { get; set; }

    public string? Hash { get; set; }

    public long? Tid { get; set; }

    public decimal? StartPosition { get; set; }

    public string? FeeToken { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MetaDto))]
[JsonSerializable(typeof(List<AssetCtxDto>))]
[JsonSerializable(typeof(ClearinghouseDto))]
[JsonSerializable(typeof(OrderStatusDto))]
[JsonSerializable(typeof(List<FillDto>))]
[JsonSerializable(typeof(Dictionary<string, decimal>))]
[JsonSerializable(typeof(List<OpenOrderDto>))]
[JsonSerializable(typeof(List<OrderStatusOrderDto>))]
[JsonSerializable(typeof(List<CandleDto>))]
[JsonSerializable(typeof(List<FundingRateDto>))]
[JsonSerializable(typeof(List<UserFundingDto>))]
internal sealed partial class InfoJsonContext : JsonSerializerContext;
