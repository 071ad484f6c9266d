using System.Numerics;
using System.Text.Json;
using Maxxit.Sdk.Ethereum.TypedData;

namespace Maxxit.Sdk.Hyperliquid.Signing;

/// <summary>
/// An action the account owner signs directly as EIP-712 typed data (agents may not sign these): its fields, plus
/// <c>hyperliquidChain</c> ("Mainnet"/"Testnet") first, in the domain HyperliquidSignTransaction with the chain id named by
/// <c>signatureChainId</c>.
/// </summary>
public abstract class UserSignedAction
{
    /// <summary>The signature chain id the official SDK uses (0x66eee, Arbitrum Sepolia); any chain id is accepted.</summary>
    public const long DefaultSignatureChainId = 0x66eee;

    /// <summary>Creates the action.</summary>
    /// <param name="nonce">The action's nonce or time field (UTC milliseconds); also the request's nonce.</param>
    protected UserSignedAction(long nonce)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nonce);
        Nonce = nonce;
    }

    /// <summary>The action's <c>type</c> field, e.g. <c>approveAgent</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The EIP-712 type, e.g. <c>HyperliquidTransaction:ApproveAgent(string hyperliquidChain,…)</c>.</summary>
    public abstract Eip712Type Eip712Type { get; }

    /// <summary>The action's nonce or time (UTC milliseconds).</summary>
    public long Nonce { get; }

    /// <summary>The chain id of the signing domain; sent as <c>signatureChainId</c> in hex.</summary>
    public BigInteger SignatureChainId { get; init; } = DefaultSignatureChainId;

    /// <summary>The <c>hyperliquidChain</c> value for a network.</summary>
    /// <param name="network">The network.</param>
    /// <returns>"Mainnet" or "Testnet".</returns>
    public static string ChainName(HyperliquidNetwork network) => network == HyperliquidNetwork.Mainnet ? "Mainnet" : "Testnet";

    /// <summary>Adds the EIP-712 members in the type's order.</summary>
    /// <param name="builder">The struct builder of <see cref="Eip712Type"/>.</param>
    /// <param name="hyperliquidChain">"Mainnet" or "Testnet".</param>
    protected internal abstract void AddEip712Fields(Eip712StructBuilder builder, string hyperliquidChain);

    /// <summary>Writes the fields other than type, signatureChainId and hyperliquidChain into the JSON action object.</summary>
    /// <param name="writer">The writer, inside the action object.</param>
    protected internal abstract void WriteJsonFields(Utf8JsonWriter writer);

    /// <summary>Writes the whole action object as posted to /exchange.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="network">The network.</param>
    internal void WriteJson(Utf8JsonWriter writer, HyperliquidNetwork network)
    {
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        WriteJsonFields(writer);
        writer.WriteString("signatureChainId", "0x" + SignatureChainId.ToString("x", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0'));
        writer.WriteString("hyperliquidChain", ChainName(network));
        writer.WriteEndObject();
    }
}
