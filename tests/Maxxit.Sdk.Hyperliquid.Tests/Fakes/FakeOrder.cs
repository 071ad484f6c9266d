namespace Maxxit.Sdk.Hyperliquid.Tests.Fakes;

internal sealed class FakeOrder
{
    public required string User { get; init; }

    public required string Signer { get; init; }

    public required long Oid { get; init; }

    public required string Coin { get; init; }

    public required int Asset { get; init; }

    public required bool IsBuy { get; init; }

    public required decimal LimitPx { get; init; }

    public required decimal OrigSz { get; init; }

    public decimal Sz { get; set; }

    public required bool ReduceOnly { get; init; }

    public required string Tif { get; init; }

    public bool IsTrigger { get; init; }

    public string? Cloid { get; init; }

    public required long Timestamp { get; init; }

    public string Status { get; set; } = "open";

    public long StatusTimestamp { get; set; }

    public decimal? AvgPx { get; set; }
}
