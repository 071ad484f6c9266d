using Maxxit.Sdk.Ethereum.TypedData;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary><c>usdSend</c>: transfer USDC from the signer's perp account to another address on Hyperliquid.</summary>
public sealed class UsdSendAction : UsdTransferAction
{
    private static readonly Eip712Type TypeDefinition =
        new("HyperliquidTransaction:UsdSend(string hyperliquidChain,string destination,string amount,uint64 time)");

    /// <summary>Creates the action.</summary>
    /// <param name="destination">The receiving address.</param>
    /// <param name="amount">USD amount, positive.</param>
    /// <param name="time">UTC milliseconds.</param>
    public UsdSendAction(string destination, decimal amount, long time)
        : base(destination, amount, time)
    {
    }

    /// <inheritdoc />
    public override string Type => "usdSend";

    /// <inheritdoc />
    public override Eip712Type Eip712Type => TypeDefinition;
}
