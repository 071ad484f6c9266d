namespace Maxxit.Sdk.Hyperliquid.Tests.Fakes;

internal sealed class FakeAccount(string address, decimal accountValue)
{
    public string Address { get; } = address;

    public decimal AccountValue { get; set; } = accountValue;

    // coin -> (signed size, entry price)
    public Dictionary<string, (decimal Szi, decimal EntryPx)> Positions { get; } = new(StringComparer.Ordinal);

    // asset -> (leverage, isCross)
    public Dictionary<int, (int Leverage, bool IsCross)> Leverage { get; } = [];
}
