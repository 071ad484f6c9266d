using System.Numerics;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>A mined transaction's receipt.</summary>
/// <param name="TransactionHash">The transaction hash (0x + 64 hex).</param>
/// <param name="Succeeded">Status 1 (true) or 0 (reverted).</param>
/// <param name="BlockNumber">The block that includes it.</param>
/// <param name="GasUsed">Gas used.</param>
/// <param name="EffectiveGasPrice">Price paid per gas, in wei.</param>
/// <param name="Logs">The events it emitted.</param>
public sealed record TransactionReceipt(
    string TransactionHash,
    bool Succeeded,
    ulong BlockNumber,
    ulong GasUsed,
    BigInteger EffectiveGasPrice,
    IReadOnlyList<LogEntry> Logs);
