using System.Text.Json;
using Maxxit.Sdk.Ethereum.TypedData;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>A user-signed move of USDC to a destination: the shared shape of <c>usdSend</c> and <c>withdraw3</c>.</summary>
public abstract class UsdTransferAction : UserSignedAction
{
    /// <summary>Checks and stores the transfer.</summary>
    /// <param name="destination">The receiving address.</param>
    /// <param name="amount">USD amount, positive.</param>
    /// <param name="time">UTC milliseconds.</param>
    protected UsdTransferAction(string destination, decimal amount, long time)
        : base(time)
    {
        Destination = HyperliquidAddress.Normalize(destination, nameof(destination));
        if (amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must be positive.");
        }

        Amount = HyperliquidNumbers.ToWire(amount);
    }

    /// <summary>The receiving address, lowercase (signed as a string, so its case is part of the signature).</summary>
    public string Destination { get; }

    /// <summary>The amount as sent.</summary>
    public string Amount { get; }

    /// <inheritdoc />
    protected internal override void AddEip712Fields(Eip712StructBuilder builder, string hyperliquidChain) =>
        builder.AddString(hyperliquidChain).AddString(Destination).AddString(Amount).AddUInt((ulong)Nonce);

    /// <inheritdoc />
    protected internal override void WriteJsonFields(Utf8JsonWriter writer)
    {
        writer.WriteString("destination", Destination);
        writer.WriteString("amount", Amount);
        writer.WriteNumber("time", Nonce);
    }
}
