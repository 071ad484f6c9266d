namespace Maxxit.Sdk.Hyperliquid;

/// <summary>An invalid <see cref="HyperliquidOptions"/> value.</summary>
public sealed class HyperliquidOptionsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="option">The option's name.</param>
    /// <param name="reason">Why it is invalid.</param>
    public HyperliquidOptionsException(string option, string reason)
        : base($"HyperliquidOptions.{option} {reason}", option)
    {
        Option = option;
    }

    /// <summary>The invalid option's name.</summary>
    public string Option { get; }
}
