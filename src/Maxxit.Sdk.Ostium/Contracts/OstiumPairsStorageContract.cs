using Maxxit.Sdk.Ethereum.Abi;

namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>The views of Ostium's PairsStorage the adapter reads.</summary>
public static class OstiumPairsStorageContract
{
    /// <summary><c>pairOracleFee(uint16 pairIndex) returns (uint64)</c>: the oracle fee in USDC (6 decimals), pulled from the trader by a partial close.</summary>
    public static AbiFunction PairOracleFee { get; } = new("pairOracleFee(uint16)", "uint64");
}
