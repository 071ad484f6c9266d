using System.Buffers;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.TypedData;

namespace Maxxit.Sdk.Hyperliquid.Signing;

/// <summary>
/// Hyperliquid's two signature schemes. L1 actions (orders, cancels, leverage): keccak-256 of the action encoding gives a
/// connection id, and the signer signs the EIP-712 struct <c>Agent(string source, bytes32 connectionId)</c> ("a" mainnet,
/// "b" testnet) in the domain Exchange/1/1337/0x0. User-signed actions (approveAgent, usdSend, withdraw3): the action's own
/// fields as EIP-712 in the domain HyperliquidSignTransaction/1/signatureChainId/0x0.
/// </summary>
public static class HyperliquidSigner
{
    /// <summary>The L1 signing domain: name Exchange, version 1, chain id 1337, verifying contract 0x0.</summary>
    public static readonly Eip712Domain ExchangeDomain = new("Exchange", "1", 1337, EthereumAddress.Zero);

    /// <summary>The phantom agent type.</summary>
    public static readonly Eip712Type AgentType = new("Agent(string source,bytes32 connectionId)");

    /// <summary>
    /// The connection id: keccak-256(msgpack(action) ‖ nonce BE ‖ 0x00 | 0x01 ‖ vault [‖ 0x00 ‖ expiresAfter BE]).
    /// </summary>
    /// <param name="action">The action.</param>
    /// <param name="nonce">The nonce (millisecond timestamp).</param>
    /// <param name="vaultAddress">The vault or sub-account traded for; null for the signer's account or the account that approved the agent.</param>
    /// <param name="expiresAfter">Optional expiry in UTC milliseconds.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] ComputeConnectionId(L1Action action, long nonce, EthereumAddress? vaultAddress = null, long? expiresAfter = null)
    {
        var hash = new byte[Keccak256.HashLength];
        ComputeConnectionId(action, nonce, vaultAddress, expiresAfter, hash);
        return hash;
    }

    /// <summary>Computes the connection id into <paramref name="destination"/> (32 bytes).</summary>
    /// <param name="action">The action.</param>
    /// <param name="nonce">The nonce.</param>
    /// <param name="vaultAddress">The vault, or null.</param>
    /// <param name="expiresAfter">Optional expiry.</param>
    /// <param name="destination">32 bytes.</param>
    public static void ComputeConnectionId(L1Action action, long nonce, EthereumAddress? vaultAddress, long? expiresAfter, Span<byte> destination)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Span<byte> vault = stackalloc byte[EthereumAddress.Length];
        vaultAddress?.WriteTo(vault);
        L1ActionEncoding.WriteSigningPayload(buffer, action, nonce, vaultAddress is null ? [] : vault, expiresAfter);
        Keccak256.Hash(buffer.WrittenSpan, destination);
    }

    /// <summary>The EIP-712 hash the L1 signature signs, for a given connection id.</summary>
    /// <param name="connectionId">32 bytes from <see cref="ComputeConnectionId(L1Action, long, EthereumAddress?, long?)"/>.</param>
    /// <param name="network">Mainnet (source "a") or testnet (source "b").</param>
    /// <returns>32 bytes.</returns>
    public static byte[] PhantomAgentHash(ReadOnlySpan<byte> connectionId, HyperliquidNetwork network)
    {
        var structHash = AgentType.CreateBuilder()
            .AddString(network == HyperliquidNetwork.Mainnet ? "a" : "b")
            .AddFixedBytes(connectionId)
            .Hash();
        return Eip712.Hash(ExchangeDomain, structHash);
    }

    /// <summary>Signs an L1 action.</summary>
    /// <param name="key">The signer: the account's own key, or an agent (API wallet) key approved by the account.</param>
    /// <param name="action">The action.</param>
    /// <param name="nonce">The nonce; send the same value in the request.</param>
    /// <param name="network">The network.</param>
    /// <param name="vaultAddress">The vault or sub-account traded for, or null.</param>
    /// <param name="expiresAfter">Optional expiry in UTC milliseconds.</param>
    /// <returns>The signature (r, s, v = 27/28).</returns>
    public static EcdsaSignature SignL1Action(EthereumKey key, L1Action action, long nonce, HyperliquidNetwork network, EthereumAddress? vaultAddress = null, long? expiresAfter = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> connectionId = stackalloc byte[Keccak256.HashLength];
        ComputeConnectionId(action, nonce, vaultAddress, expiresAfter, connectionId);
        return key.Sign(PhantomAgentHash(connectionId, network));
    }

    /// <summary>Recovers the address that signed an L1 action (what the exchange does to find the account).</summary>
    /// <param name="action">The action.</param>
    /// <param name="nonce">The nonce.</param>
    /// <param name="network">The network the signature was made for.</param>
    /// <param name="signature">The signature.</param>
    /// <param name="vaultAddress">The vault, or null.</param>
    /// <param name="expiresAfter">Optional expiry.</param>
    /// <returns>The signer's address.</returns>
    public static EthereumAddress RecoverL1Signer(L1Action action, long nonce, HyperliquidNetwork network, EcdsaSignature signature, EthereumAddress? vaultAddress = null, long? expiresAfter = null)
    {
        Span<byte> connectionId = stackalloc byte[Keccak256.HashLength];
        ComputeConnectionId(action, nonce, vaultAddress, expiresAfter, connectionId);
        return Secp256k1.RecoverAddress(PhantomAgentHash(connectionId, network), signature);
    }

    /// <summary>The EIP-712 hash a user-signed action's signature signs.</summary>
    /// <param name="action">The action.</param>
    /// <param name="network">Decides the <c>hyperliquidChain</c> field ("Mainnet" or "Testnet").</param>
    /// <returns>32 bytes.</returns>
    public static byte[] UserSignedHash(UserSignedAction action, HyperliquidNetwork network)
    {
        ArgumentNullException.ThrowIfNull(action);
        var domain = new Eip712Domain("HyperliquidSignTransaction", "1", action.SignatureChainId, EthereumAddress.Zero);
        var builder = action.Eip712Type.CreateBuilder();
        action.AddEip712Fields(builder, UserSignedAction.ChainName(network));
        return Eip712.Hash(domain, builder.Hash());
    }

    /// <summary>Signs a user-signed action. Only the account owner's key may sign these (agents cannot).</summary>
    /// <param name="key">The user's key.</param>
    /// <param name="action">The action.</param>
    /// <param name="network">The network.</param>
    /// <returns>The signature.</returns>
    public static EcdsaSignature SignUserSignedAction(EthereumKey key, UserSignedAction action, HyperliquidNetwork network)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(UserSignedHash(action, network));
    }

    /// <summary>Recovers the address that signed a user-signed action.</summary>
    /// <param name="action">The action.</param>
    /// <param name="network">The network.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>The signer's address.</returns>
    public static EthereumAddress RecoverUserSigner(UserSignedAction action, HyperliquidNetwork network, EcdsaSignature signature) =>
        Secp256k1.RecoverAddress(UserSignedHash(action, network), signature);
}
