using System.Numerics;
using FsCheck.Xunit;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ethereum.Rlp;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.Transactions;

namespace Maxxit.Sdk.Ethereum.Tests.Transactions;

public class Eip1559TransactionTests
{
    private static readonly EthereumAddress Aaaa = EthereumAddress.Parse("0x000000000000000000000000000000000000aaaa");

    // Vectors from ethereumjs/ethereumjs-monorepo packages/tx/test/json/eip1559.json (chain id 0x1e8e = 7822).
    // The file stores each raw transaction wrapped in one more RLP byte string; we unwrap it before comparing.
    [Theory]
    [InlineData(819, 43203529, 35552, 75853, 121212,
        "0xb87302f870821e8e8203338301284d8301d97c828ae094000000000000000000000000000000000000aaaa8402933bc980c080a0d067f2167008c59219652f91cbf8788dbca5f771f6e91e2b7657e85b78b472e0a01d305af9fe81fdba43f0dfcd400ed24dcace0a7e30d4e85701dcaaf484cd079e")]
    [InlineData(353, 61901619, 32593, 38850, 136295,
        "0xb87202f86f821e8e8201618297c283021467827f5194000000000000000000000000000000000000aaaa8403b08b3380c001a004205678f13fc1d7b10feea6513dfa76e24418b6e08097d95c6f93a3b64e536da01d45ad61bfece43862de2cce7d2575a8c1d08c26c87f3cb5f26d7b0be54a91b2")]
    [InlineData(119, 65456115, 62341, 24721, 107729,
        "0xb87002f86d821e8e778260918301a4d182f38594000000000000000000000000000000000000aaaa8403e6c7f380c001a0e38e239770801eb995498c821e55ac9c19ae09184bb27b34be105e02fe3b7615a067c64ca6bd6d9107e85fd581ab2e70a14b637eb36505bb40861ef9d6e800cab6")]
    public void Signing_reproduces_the_ethereumjs_vectors(
        ulong nonce, long value, ulong gasLimit, long maxPriorityFee, long maxFee, string wrapped)
    {
        var expectedRaw = RlpCodec.Decode(Hex.Decode(wrapped)).Bytes.ToArray();
        using var key = EthereumKey.FromHex("0x8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63");
        var tx = new Eip1559Transaction(7822, nonce, maxPriorityFee, maxFee, gasLimit, Aaaa, value);

        var signed = tx.Sign(key);

        Assert.Equal(Hex.Encode(expectedRaw), signed.ToRawHex());
        var decoded = SignedTransaction.Decode(expectedRaw);
        var fields = Assert.IsType<Eip1559Transaction>(decoded.Transaction);
        Assert.Equal(nonce, fields.Nonce);
        Assert.Equal(new BigInteger(maxPriorityFee), fields.MaxPriorityFeePerGas);
        Assert.Equal(new BigInteger(maxFee), fields.MaxFeePerGas);
        Assert.Equal(new BigInteger(value), fields.Value);
        Assert.Equal(7822UL, fields.ChainId);
        Assert.Empty(fields.AccessList);
        Assert.Equal(key.Address, decoded.Sender);
        Assert.Equal(Keccak256.Hash(expectedRaw), decoded.Hash.ToArray());
    }

    [Fact]
    public void Access_list_and_data_round_trip_and_the_sender_recovers()
    {
        using var key = EthereumKey.Generate();
        var slot = Keccak256.HashUtf8("slot");
        var tx = new Eip1559Transaction(
            42161, 7, 1_000_000, 100_000_000, 300_000, Aaaa, 0, [0xa9, 0x05, 0x9c, 0xbb],
            [new AccessListEntry(Aaaa, [slot, new byte[32]]), new AccessListEntry(EthereumAddress.Zero)]);
        var signed = tx.Sign(key);
        Assert.Equal(0x02, signed.RawBytes[0]);

        var decoded = SignedTransaction.Decode(signed.RawBytes);
        var fields = Assert.IsType<Eip1559Transaction>(decoded.Transaction);
        Assert.Equal(tx.AccessList, fields.AccessList);
        Assert.Equal(2, fields.AccessList[0].StorageKeys.Count);
        Assert.Equal(slot, fields.AccessList[0].StorageKeys[0].ToArray());
        Assert.Equal(tx.Data.ToArray(), fields.Data.ToArray());
        Assert.Equal(key.Address, decoded.Sender);
        Assert.Equal(signed.HashHex(), decoded.HashHex());
    }

    [Property(MaxTest = 30)]
    public bool Random_transactions_round_trip(ulong nonce, ulong gas, uint tip, uint extra, byte[] data, ulong valueLow, bool create)
    {
        using var key = new EthereumKey(Keccak256.Hash(BitConverter.GetBytes(nonce ^ gas)));
        var value = (new BigInteger(valueLow) << 100) + valueLow;
        var tx = new Eip1559Transaction(421614, nonce, tip, (BigInteger)tip + extra, gas, create ? null : Aaaa, value, data);
        var decoded = SignedTransaction.Decode(tx.Sign(key).RawBytes);
        var fields = (Eip1559Transaction)decoded.Transaction;
        return fields.Nonce == nonce && fields.GasLimit == gas && fields.MaxFeePerGas == (BigInteger)tip + extra
            && fields.Value == value && fields.Data.SequenceEqual(data) && fields.To == tx.To
            && decoded.Sender == key.Address;
    }

    [Fact]
    public void Rejects_a_fee_cap_below_the_tip_and_chain_zero()
    {
        Assert.Equal("maxFeePerGas", Assert.Throws<EthereumFormatException>(() => new Eip1559Transaction(1, 0, 10, 9, 21000, Aaaa, 0)).ParamName);
        Assert.Equal("chainId", Assert.Throws<EthereumFormatException>(() => new Eip1559Transaction(0, 0, 1, 1, 21000, Aaaa, 0)).ParamName);
        Assert.Equal("storageKeys", Assert.Throws<EthereumFormatException>(() => new AccessListEntry(Aaaa, [new byte[31]])).ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x01c0")]
    [InlineData("0x03c0")]
    [InlineData("0x02c0")]
    [InlineData("0x02")]
    public void Rejects_malformed_or_unsupported_envelopes(string hex) =>
        Assert.ThrowsAny<EthereumFormatException>(() => SignedTransaction.Decode(Hex.Decode(hex)));

    [Fact]
    public void Rejects_a_y_parity_above_one()
    {
        using var key = EthereumKey.Generate();
        var signed = new Eip1559Transaction(1, 0, 1, 1, 21000, Aaaa, 0).Sign(key);
        var list = RlpCodec.Decode(signed.RawBytes[1..]);
        var items = list.Items.ToArray();
        items[9] = RlpItem.FromUInt(2);
        var tampered = new byte[] { 0x02 }.Concat(RlpCodec.Encode(RlpItem.List(items))).ToArray();
        Assert.Equal("yParity", Assert.Throws<EthereumFormatException>(() => SignedTransaction.Decode(tampered)).ParamName);
    }

    [Fact]
    public void Trailing_bytes_after_the_envelope_are_rejected()
    {
        using var key = EthereumKey.Generate();
        var raw = new Eip1559Transaction(1, 0, 1, 1, 21000, Aaaa, 0).Sign(key).RawBytes.ToArray();
        Assert.Throws<RlpFormatException>(() => SignedTransaction.Decode([.. raw, 0x00]));
    }
}
