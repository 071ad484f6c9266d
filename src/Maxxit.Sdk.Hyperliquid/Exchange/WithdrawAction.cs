using Maxxit.Sdk.Ethereum.TypedData;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary><c>withdraw3</c>: withdraw USDC from the signer's perp account to an address on Arbitrum through the bridge.</summary>
public sealed class WithdrawAction : UsdTransferAction
{
    private static readonly Eip712Type TypeDefinition =
        new("HyperliquidTransaction:Withdraw(string hyperliquidChain,string destination,string amount,uint64 time)");

    /// <summary>Creates the action.</summary>
    /// <param name="destination">The receiving address.</param>
    /// <param name="amount">USD amount, positive.</param>
    /// <param name="time">UTC milliseconds.</param>
    public WithdrawAction(string destination, decimal amount, long time)
        : base(destination, amount, time)
    {
    }

    /// <inheritdoc />
    public override string Type => "withdraw3";

    /// <inheritdoc />
    public override Eip712Type Eip712Type => TypeDefinition;
}
