namespace Maxxit.Sdk.Markets;

/// <summary>The asset class of a market.</summary>
public enum MarketCategory
{
    /// <summary>Crypto assets (the default).</summary>
    Crypto = 0,

    /// <summary>Currency pairs, e.g. EURUSD.</summary>
    Forex = 1,

    /// <summary>Commodities such as metals and energy, e.g. XAU.</summary>
    Commodity = 2,

    /// <summary>Stock indices, e.g. DAX.</summary>
    Index = 3,

    /// <summary>Single stocks.</summary>
    Stock = 4,
}
