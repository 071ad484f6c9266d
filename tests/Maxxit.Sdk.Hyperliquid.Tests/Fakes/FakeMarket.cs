namespace Maxxit.Sdk.Hyperliquid.Tests.Fakes;

internal sealed class FakeMarket(string name, int szDecimals, int maxLeverage, decimal mid, bool isDelisted = false)
{
    public string Name { get; } = name;

    public int SzDecimals { get; } = szDecimals;

    public int MaxLeverage { get; } = maxLeverage;

    public decimal Mid { get; set; } = mid;

    public bool IsDelisted { get; } = isDelisted;

    public bool HasLiquidity { get; set; } = true;

    // A realistic slice of the mainnet universe: indices, szDecimals and leverage as on the exchange (MATIC delisted).
    public static List<FakeMarket> Defaults() =>
    [
        new("BTC", 5, 40, 97123.5m),
        new("ETH", 4, 25, 3412.85m),
        new("ATOM", 2, 5, 6.2841m),
        new("MATIC", 1, 20, 0.4153m, isDelisted: true),
        new("DYDX", 1, 10, 1.1843m),
        new("SOL", 2, 20, 187.345m),
        new("AVAX", 2, 10, 38.712m),
        new("BNB", 3, 10, 642.15m),
        new("APE", 1, 5, 1.2031m),
        new("OP", 1, 10, 2.0412m),
        new("LTC", 2, 10, 101.37m),
        new("ARB", 1, 10, 0.74512m),
        new("DOGE", 0, 10, 0.38211m),
        new("kPEPE", 0, 10, 0.020871m),
        new("HYPE", 2, 10, 24.113m),
    ];
}
