using System.Text.Json;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.TypedData;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>
/// <c>approveAgent</c>: the account owner authorizes an agent (API wallet) to sign L1 actions for the account.
/// The agent can trade but cannot withdraw or transfer.
/// </summary>
public sealed class ApproveAgentAction : UserSignedAction
{
    private static readonly Eip712Type TypeDefinition =
        new("HyperliquidTransaction:ApproveAgent(string hyperliquidChain,address agentAddress,string agentName,uint64 nonce)");

    /// <summary>Creates the action.</summary>
    /// <param name="agentAddress">The agent wallet's address.</param>
    /// <param name="agentName">An optional name; unnamed agents replace each other, named ones coexist.</param>
    /// <param name="nonce">UTC milliseconds.</param>
    public ApproveAgentAction(EthereumAddress agentAddress, string? agentName, long nonce)
        : base(nonce)
    {
        if (agentAddress.IsZero)
        {
            throw new ArgumentException("The agent address must not be the zero address.", nameof(agentAddress));
        }

        AgentAddress = agentAddress;
        AgentName = string.IsNullOrEmpty(agentName) ? null : agentName;
    }

    /// <inheritdoc />
    public override string Type => "approveAgent";

    /// <inheritdoc />
    public override Eip712Type Eip712Type => TypeDefinition;

    /// <summary>The agent wallet's address.</summary>
    public EthereumAddress AgentAddress { get; }

    /// <summary>The agent's name, or null.</summary>
    public string? AgentName { get; }

    /// <inheritdoc />
    protected internal override void AddEip712Fields(Eip712StructBuilder builder, string hyperliquidChain) =>
        builder.AddString(hyperliquidChain).AddAddress(AgentAddress).AddString(AgentName ?? "").AddUInt((ulong)Nonce);

    /// <inheritdoc />
    protected internal override void WriteJsonFields(Utf8JsonWriter writer)
    {
        writer.WriteString("agentAddress", AgentAddress.ToString());

        // An unnamed agent is signed with an empty name but posted without the field, as the exchange expects.
        if (AgentName is not null)
        {
            writer.WriteString("agentName", AgentName);
        }

        writer.WriteNumber("nonce", Nonce);
    }
}
