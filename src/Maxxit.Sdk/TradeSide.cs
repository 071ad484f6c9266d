namespace Maxxit.Sdk;

/// <summary>The direction of a trade.</summary>
public enum TradeSide
{
    /// <summary>Profit when the price rises.</summary>
    Long = 0,

    /// <summary>Profit when the price falls.</summary>
    Short = 1,
}
