using System.Numerics;
using Maxxit.Sdk.Ethereum.Rlp;
using Maxxit.Sdk.Ethereum.Signing;

namespace Maxxit.Sdk.Ethereum.Transactions;

/// <summary>An EIP-1559 (type 2) transaction: priority fee plus fee cap, with an EIP-2930 access list.</summary>
public sealed class Eip1559Transaction : EthereumTransaction
{
    /// <summary>The EIP-2718 type byte of this transaction type.</summary>
    public const byte Type = 0x02;

    private readonly ulong _chainId;

    /// <summary>Creates an EIP-1559 transaction.</summary>
    /// <param name="chainId">The chain id (e.g. 42161 for Arbitrum One); must not be 0.</param>
    /// <param name="nonce">The sender's transaction count.</param>
    /// <param name="maxPriorityFeePerGas">Tip per gas, in wei.</param>
    /// <param name="maxFeePerGas">Fee cap per gas, in wei; must be at least the tip.</param>
    /// <param name="gasLimit">The gas limit.</param>
    /// <param name="to">The recipient, or <see langword="null"/> to create a contract.</param>
    /// <param name="value">Wei to transfer.</param>
    /// <param name="data">Call data; <see langword="null"/> means none.</param>
    /// <param name="accessList">Access-list entries; <see langword="null"/> means empty.</param>
    /// <exception cref="EthereumFormatException">A value is out of range or the fee cap is below the tip.</exception>
    public Eip1559Transaction(
        ulong chainId,
        ulong nonce,
        BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas,
        ulong gasLimit,
        EthereumAddress? to,
        BigInteger value,
        byte[]? data = null,
        IEnumerable<AccessListEntry>? accessList = null)
        : base(nonce, gasLimit, to, value, data)
    {
        if (chainId == 0)
        {
            throw new EthereumFormatException("Chain id must not be 0.", nameof(chainId));
        }

        RequireUInt256(maxPriorityFeePerGas, nameof(maxPriorityFeePerGas));
        RequireUInt256(maxFeePerGas, nameof(maxFeePerGas));
        if (maxFeePerGas < maxPriorityFeePerGas)
        {
            throw new EthereumFormatException("Max fee per gas must be at least the max priority fee per gas.", nameof(maxFeePerGas));
        }

        _chainId = chainId;
        MaxPriorityFeePerGas = maxPriorityFeePerGas;
        MaxFeePerGas = maxFeePerGas;
        AccessList = (accessList ?? []).ToArray();
        if (AccessList.Contains(null))
        {
            throw new EthereumFormatException("Access list entries must not be null.", nameof(accessList));
        }
    }

    /// <summary>Tip per gas, in wei.</summary>
    public BigInteger MaxPriorityFeePerGas { get; }

    /// <summary>Fee cap per gas, in wei.</summary>
    public BigInteger MaxFeePerGas { get; }

    /// <summary>The access list (possibly empty).</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; }

    /// <inheritdoc />
    public override ulong? ChainId => _chainId;

    /// <inheritdoc />
    public override byte TransactionType => Type;

    /// <inheritdoc />
    public override byte[] GetSigningPayload() => Typed(RlpItem.List(Fields()));

    internal override byte[] Encode(EcdsaSignature signature)
    {
        var fields = Fields();
        fields.Add(RlpItem.FromUInt((ulong)signature.RecoveryId));
        fields.Add(Scalar(signature.R));
        fields.Add(Scalar(signature.S));
        return Typed(RlpItem.List(fields));
    }

    internal static (Eip1559Transaction Transaction, EcdsaSignature Signature) Decode(RlpItem item)
    {
        if (!item.IsList || item.Items.Count != 12)
        {
            throw new EthereumFormatException("A signed EIP-1559 transaction is an RLP list of 12 fields.", "rawTransaction");
        }

        var f = item.Items;
        if (!f[8].IsList)
        {
            throw new EthereumFormatException("The access list must be an RLP list.", "accessList");
        }

        var yParity = f[9].ToUInt64("yParity");
        if (yParity > 1)
        {
            throw new EthereumFormatException($"yParity must be 0 or 1 but was {yParity}.", "yParity");
        }

        var transaction = new Eip1559Transaction(
            f[0].ToUInt64("chainId"),
            f[1].ToUInt64("nonce"),
            f[2].ToBigInteger("maxPriorityFeePerGas"),
            f[3].ToBigInteger("maxFeePerGas"),
            f[4].ToUInt64("gasLimit"),
            ReadTo(f[5]),
            f[6].ToBigInteger("value"),
            ReadData(f[7]),
            f[8].Items.Select(AccessListEntry.FromRlp));
        return (transaction, new EcdsaSignature(ReadScalar(f[10], "r"), ReadScalar(f[11], "s"), (int)yParity));
    }

    private static byte[] Typed(RlpItem list)
    {
        var output = new byte[1 + RlpCodec.EncodedLength(list)];
        output[0] = Type;
        RlpCodec.Encode(list).CopyTo(output, 1);
        return output;
    }

    private List<RlpItem> Fields() =>
    [
        RlpItem.FromUInt(_chainId),
        RlpItem.FromUInt(Nonce),
        RlpItem.FromUInt(MaxPriorityFeePerGas),
        RlpItem.FromUInt(MaxFeePerGas),
        RlpItem.FromUInt(GasLimit),
        ToItem(),
        RlpItem.FromUInt(Value),
        DataItem(),
        RlpItem.List(AccessList.Select(e => e.ToRlp())),
    ];
}
