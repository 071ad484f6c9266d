using System.Numerics;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Rlp;
using Maxxit.Sdk.Ethereum.Signing;

namespace Maxxit.Sdk.Ethereum.Transactions;

/// <summary>The fields every unsigned transaction type shares, and signing.</summary>
public abstract class EthereumTransaction
{
    private static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;
    private readonly byte[] _data;

    /// <summary>Validates and stores the shared fields.</summary>
    /// <param name="nonce">The sender's transaction count.</param>
    /// <param name="gasLimit">The gas limit.</param>
    /// <param name="to">The recipient, or <see langword="null"/> to create a contract.</param>
    /// <param name="value">Wei to transfer (0 .. 2^256-1).</param>
    /// <param name="data">Call data (copied); <see langword="null"/> means none.</param>
    /// <exception cref="EthereumFormatException">The value is out of range.</exception>
    private protected EthereumTransaction(ulong nonce, ulong gasLimit, EthereumAddress? to, BigInteger value, byte[]? data)
    {
        RequireUInt256(value, nameof(value));
        Nonce = nonce;
        GasLimit = gasLimit;
        To = to;
        Value = value;
        _data = data?.ToArray() ?? [];
    }

    /// <summary>The sender's transaction count.</summary>
    public ulong Nonce { get; }

    /// <summary>The gas limit.</summary>
    public ulong GasLimit { get; }

    /// <summary>The recipient; <see langword="null"/> for contract creation.</summary>
    public EthereumAddress? To { get; }

    /// <summary>Wei transferred.</summary>
    public BigInteger Value { get; }

    /// <summary>Call data.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>The EIP-155 chain id the transaction is bound to, or <see langword="null"/> for an unprotected legacy transaction.</summary>
    public abstract ulong? ChainId { get; }

    /// <summary>The EIP-2718 type byte: 0 for legacy, 2 for EIP-1559.</summary>
    public abstract byte TransactionType { get; }

    /// <summary>The bytes whose keccak-256 is signed.</summary>
    /// <returns>The signing payload.</returns>
    public abstract byte[] GetSigningPayload();

    /// <summary>The hash the sender signs: keccak-256 of <see cref="GetSigningPayload"/>.</summary>
    /// <returns>32 bytes.</returns>
    public byte[] GetSigningHash() => Keccak256.Hash(GetSigningPayload());

    /// <summary>Signs the transaction.</summary>
    /// <param name="key">The sender's key.</param>
    /// <returns>The signed transaction, ready to send with <c>eth_sendRawTransaction</c>.</returns>
    public SignedTransaction Sign(EthereumKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.Sign(GetSigningHash());
        return new SignedTransaction(this, signature, key.Address);
    }

    internal abstract byte[] Encode(EcdsaSignature signature);

    internal RlpItem DataItem() => RlpItem.FromBytes(_data);

    internal RlpItem ToItem() => To is { } to ? RlpItem.FromAddress(to) : RlpItem.Empty;

    internal static RlpItem Scalar(ReadOnlySpan<byte> bigEndian32)
    {
        var start = 0;
        while (start < bigEndian32.Length && bigEndian32[start] == 0)
        {
            start++;
        }

        return RlpItem.FromBytes(bigEndian32[start..]);
    }

    internal static EthereumAddress? ReadTo(RlpItem item) =>
        !item.IsList && item.Bytes.IsEmpty ? null : item.ToAddress("to");

    internal static byte[] ReadScalar(RlpItem item, string field)
    {
        var value = item.ToBigInteger(field);
        if (value > MaxUInt256)
        {
            throw new EthereumFormatException("Signature value exceeds 32 bytes.", field);
        }

        var bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    internal static byte[] ReadData(RlpItem item) => item.IsList
        ? throw new EthereumFormatException("Expected a byte string for the call data.", "data")
        : item.Bytes.ToArray();

    internal static void RequireUInt256(BigInteger value, string field)
    {
        if (value.Sign < 0 || value > MaxUInt256)
        {
            throw new EthereumFormatException("Must be in 0 .. 2^256-1.", field);
        }
    }
}
