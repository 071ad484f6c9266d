using System.Numerics;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>EIP-1559 fee inputs read from the node.</summary>
/// <param name="BaseFeePerGas">The latest block's base fee, in wei.</param>
/// <param name="MaxPriorityFeePerGas">The node's suggested tip, in wei.</param>
public sealed record FeeData(BigInteger BaseFeePerGas, BigInteger MaxPriorityFeePerGas)
{
    /// <summary>A fee cap that survives base-fee rises: base fee × <paramref name="baseFeeMultiplier"/> + tip.</summary>
    public BigInteger MaxFeePerGas(decimal baseFeeMultiplier) =>
        (BaseFeePerGas * new BigInteger(baseFeeMultiplier * 100m) / 100) + MaxPriorityFeePerGas;
}
