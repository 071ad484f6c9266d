using Maxxit.Sdk.Ethereum;

namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>The <c>builderFee</c> tuple of <c>openTrade</c>.</summary>
/// <param name="Builder">The builder paid the fee; the zero address for none.</param>
/// <param name="Fee">The fee in percent with 6 decimals (uint32); 0 for none.</param>
public sealed record OstiumBuilderFee(EthereumAddress Builder, uint Fee)
{
    /// <summary>No builder fee.</summary>
    public static OstiumBuilderFee None { get; } = new(EthereumAddress.Zero, 0);
}
