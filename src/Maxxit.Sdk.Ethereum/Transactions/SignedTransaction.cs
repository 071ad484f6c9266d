using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Rlp;
using Maxxit.Sdk.Ethereum.Signing;

namespace Maxxit.Sdk.Ethereum.Transactions;

/// <summary>
/// A signed transaction: its fields, signature, raw network bytes, hash and sender.
/// Produced by <see cref="EthereumTransaction.Sign"/> or by decoding raw bytes (e.g. in a fake node).
/// </summary>
public sealed class SignedTransaction
{
    private readonly byte[] _raw;
    private readonly byte[] _hash;
    private EthereumAddress? _sender;

    internal SignedTransaction(EthereumTransaction transaction, EcdsaSignature signature, EthereumAddress? sender)
    {
        Transaction = transaction;
        Signature = signature;
        _raw = transaction.Encode(signature);
        _hash = Keccak256.Hash(_raw);
        _sender = sender;
    }

    /// <summary>The unsigned fields (a <see cref="LegacyTransaction"/> or <see cref="Eip1559Transaction"/>).</summary>
    public EthereumTransaction Transaction { get; }

    /// <summary>The signature over <see cref="EthereumTransaction.GetSigningHash"/>.</summary>
    public EcdsaSignature Signature { get; }

    /// <summary>The bytes sent with <c>eth_sendRawTransaction</c>.</summary>
    public ReadOnlySpan<byte> RawBytes => _raw;

    /// <summary>The transaction hash: keccak-256 of <see cref="RawBytes"/>.</summary>
    public ReadOnlySpan<byte> Hash => _hash;

    /// <summary>The sender, recovered from the signature (once, then cached) when the transaction was decoded.</summary>
    /// <exception cref="EthereumFormatException">The signature does not recover to a key.</exception>
    public EthereumAddress Sender => _sender ??= Secp256k1.RecoverAddress(Transaction.GetSigningHash(), Signature);

    /// <summary>Decodes raw transaction bytes: a legacy RLP list or an EIP-2718 type-2 envelope.</summary>
    /// <param name="rawTransaction">The raw bytes.</param>
    /// <returns>The transaction; its encoding must round-trip exactly.</returns>
    /// <exception cref="EthereumFormatException">The bytes are malformed, of an unsupported type or non-canonical.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> rawTransaction)
    {
        if (rawTransaction.IsEmpty)
        {
            throw new EthereumFormatException("Raw transaction is empty.", nameof(rawTransaction));
        }

        var first = rawTransaction[0];
        SignedTransaction signed;
        if (first >= 0xC0)
        {
            var (tx, signature) = LegacyTransaction.Decode(RlpCodec.Decode(rawTransaction));
            signed = new SignedTransaction(tx, signature, null);
        }
        else if (first == Eip1559Transaction.Type)
        {
            var (tx, signature) = Eip1559Transaction.Decode(RlpCodec.Decode(rawTransaction[1..]));
            signed = new SignedTransaction(tx, signature, null);
        }
        else
        {
            throw new EthereumFormatException(
                $"Transaction type 0x{first:x2} is not supported (only legacy and type 2).", nameof(rawTransaction));
        }

        if (!signed.RawBytes.SequenceEqual(rawTransaction))
        {
            throw new EthereumFormatException("Raw transaction is not in canonical form.", nameof(rawTransaction));
        }

        return signed;
    }

    /// <summary>Decodes the hex form of <see cref="Decode"/>.</summary>
    /// <param name="rawTransactionHex">Hex with or without <c>0x</c>.</param>
    /// <returns>The transaction.</returns>
    /// <exception cref="EthereumFormatException">The text or the bytes are malformed.</exception>
    public static SignedTransaction Parse(string rawTransactionHex) =>
        Decode(Hex.Decode(rawTransactionHex, nameof(rawTransactionHex)));

    /// <summary>The raw bytes as <c>0x</c>-prefixed hex, the parameter of <c>eth_sendRawTransaction</c>.</summary>
    /// <returns>The hex text.</returns>
    public string ToRawHex() => Hex.Encode(_raw);

    /// <summary>The transaction hash as <c>0x</c>-prefixed hex.</summary>
    /// <returns>The hex text.</returns>
    public string HashHex() => Hex.Encode(_hash);

    /// <summary>The raw bytes as hex.</summary>
    /// <returns>The hex text.</returns>
    public override string ToString() => ToRawHex();
}
