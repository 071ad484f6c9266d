using System.Numerics;
using Maxxit.Sdk.Ethereum.Rlp;
using Maxxit.Sdk.Ethereum.Signing;

namespace Maxxit.Sdk.Ethereum.Transactions;

/// <summary>A legacy (type 0) transaction with a single gas price, replay-protected by EIP-155 when a chain id is set.</summary>
public sealed class LegacyTransaction : EthereumTransaction
{
    private readonly ulong? _chainId;

    /// <summary>Creates a legacy transaction.</summary>
    /// <param name="chainId">The EIP-155 chain id; <see langword="null"/> only for pre-EIP-155 (unprotected) transactions.</param>
    /// <param name="nonce">The sender's transaction count.</param>
    /// <param name="gasPrice">Wei per gas.</param>
    /// <param name="gasLimit">The gas limit.</param>
    /// <param name="to">The recipient, or <see langword="null"/> to create a contract.</param>
    /// <param name="value">Wei to transfer.</param>
    /// <param name="data">Call data; <see langword="null"/> means none.</param>
    /// <exception cref="EthereumFormatException">A value is out of range.</exception>
    public LegacyTransaction(
        ulong? chainId, ulong nonce, BigInteger gasPrice, ulong gasLimit, EthereumAddress? to, BigInteger value, byte[]? data = null)
        : base(nonce, gasLimit, to, value, data)
    {
        RequireUInt256(gasPrice, nameof(gasPrice));
        if (chainId is 0)
        {
            throw new EthereumFormatException("Chain id 0 is not valid; use null for an unprotected transaction.", nameof(chainId));
        }

        _chainId = chainId;
        GasPrice = gasPrice;
    }

    /// <summary>Wei per gas.</summary>
    public BigInteger GasPrice { get; }

    /// <inheritdoc />
    public override ulong? ChainId => _chainId;

    /// <inheritdoc />
    public override byte TransactionType => 0;

    /// <inheritdoc />
    public override byte[] GetSigningPayload()
    {
        var fields = CommonFields();
        if (_chainId is { } chainId)
        {
            fields.Add(RlpItem.FromUInt(chainId));
            fields.Add(RlpItem.Empty);
            fields.Add(RlpItem.Empty);
        }

        return RlpCodec.Encode(RlpItem.List(fields));
    }

    internal override byte[] Encode(EcdsaSignature signature)
    {
        var fields = CommonFields();
        var v = _chainId is { } chainId ? signature.Eip155V(chainId) : signature.V;
        fields.Add(RlpItem.FromUInt(v));
        fields.Add(Scalar(signature.R));
        fields.Add(Scalar(signature.S));
        return RlpCodec.Encode(RlpItem.List(fields));
    }

    internal static (LegacyTransaction Transaction, EcdsaSignature Signature) Decode(RlpItem item)
    {
        if (!item.IsList || item.Items.Count != 9)
        {
            throw new EthereumFormatException("A signed legacy transaction is an RLP list of 9 fields.", "rawTransaction");
        }

        var f = item.Items;
        var v = f[6].ToBigInteger("v");
        ulong? chainId;
        int recoveryId;
        if (v == 27 || v == 28)
        {
            chainId = null;
            recoveryId = (int)(v - 27);
        }
        else if (v >= 37 && v <= ((BigInteger)ulong.MaxValue * 2) + 36)
        {
            chainId = (ulong)((v - 35) / 2);
            recoveryId = (int)((v - 35) % 2);
        }
        else
        {
            throw new EthereumFormatException($"Legacy v must be 27, 28 or chainId*2+35/36 but was {v}.", "v");
        }

        var transaction = new LegacyTransaction(
            chainId,
            f[0].ToUInt64("nonce"),
            f[1].ToBigInteger("gasPrice"),
            f[2].ToUInt64("gasLimit"),
            ReadTo(f[3]),
            f[4].ToBigInteger("value"),
            ReadData(f[5]));
        return (transaction, new EcdsaSignature(ReadScalar(f[7], "r"), ReadScalar(f[8], "s"), recoveryId));
    }

    private List<RlpItem> CommonFields() =>
    [
        RlpItem.FromUInt(Nonce),
        RlpItem.FromUInt(GasPrice),
        RlpItem.FromUInt(GasLimit),
        ToItem(),
        RlpItem.FromUInt(Value),
        DataItem(),
    ];
}
