using System.Numerics;
using Maxxit.Sdk.Ethereum.Signing;
using Maxxit.Sdk.Ethereum.Transactions;

namespace Maxxit.Sdk.Ethereum.Tests.Transactions;

// The worked example in EIP-155 (eips.ethereum.org/EIPS/eip-155).
public class LegacyTransactionTests
{
    private const string ExpectedRaw =
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    private static readonly EthereumAddress Recipient = EthereumAddress.Parse("0x3535353535353535353535353535353535353535");

    private static LegacyTransaction Example() =>
        new(chainId: 1, nonce: 9, gasPrice: 20_000_000_000, gasLimit: 21000, to: Recipient, value: BigInteger.Pow(10, 18));

    [Fact]
    public void Signing_payload_and_hash_match_eip155()
    {
        var tx = Example();
        Assert.Equal("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080",
            Hex.Encode(tx.GetSigningPayload()));
        Assert.Equal("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Hex.Encode(tx.GetSigningHash()));
    }

    [Fact]
    public void Signed_raw_bytes_match_eip155()
    {
        using var key = new EthereumKey(Enumerable.Repeat((byte)0x46, 32).ToArray());
        var signed = Example().Sign(key);
        Assert.Equal(ExpectedRaw, signed.ToRawHex());
        Assert.Equal(37UL, signed.Signature.Eip155V(1));
        Assert.Equal(key.Address, signed.Sender);
    }

    [Fact]
    public void Decoding_the_eip155_example_recovers_fields_and_sender()
    {
        var decoded = SignedTransaction.Parse(ExpectedRaw);
        var tx = Assert.IsType<LegacyTransaction>(decoded.Transaction);
        Assert.Equal(1UL, tx.ChainId);
        Assert.Equal(9UL, tx.Nonce);
        Assert.Equal(new BigInteger(20_000_000_000), tx.GasPrice);
        Assert.Equal(21000UL, tx.GasLimit);
        Assert.Equal(Recipient, tx.To);
        Assert.Equal(BigInteger.Pow(10, 18), tx.Value);
        Assert.True(tx.Data.IsEmpty);
        Assert.Equal(EthereumAddress.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"), decoded.Sender);
        Assert.Equal(ExpectedRaw, decoded.ToRawHex());
        Assert.Equal(Hex.Encode(Maxxit.Sdk.Ethereum.Hashing.Keccak256.Hash(Hex.Decode(ExpectedRaw))), decoded.HashHex());
    }

    [Fact]
    public void Unprotected_transaction_uses_v_27_or_28_and_round_trips()
    {
        using var key = EthereumKey.Generate();
        var tx = new LegacyTransaction(null, 0, 1, 21000, Recipient, 5, [0xCA, 0xFE]);
        var signed = tx.Sign(key);
        var decoded = SignedTransaction.Decode(signed.RawBytes);
        Assert.Null(decoded.Transaction.ChainId);
        Assert.Equal(key.Address, decoded.Sender);
        Assert.Equal(new byte[] { 0xCA, 0xFE }, decoded.Transaction.Data.ToArray());
    }

    [Fact]
    public void Contract_creation_has_no_recipient_and_round_trips()
    {
        using var key = EthereumKey.Generate();
        var signed = new LegacyTransaction(42161, 3, 100, 500_000, null, 0, [0x60, 0x80]).Sign(key);
        var decoded = SignedTransaction.Decode(signed.RawBytes);
        Assert.Null(decoded.Transaction.To);
        Assert.Equal(42161UL, decoded.Transaction.ChainId);
        Assert.Equal(key.Address, decoded.Sender);
    }

    [Fact]
    public void Rejects_bad_field_values()
    {
        Assert.Equal("gasPrice", Assert.Throws<EthereumFormatException>(() => new LegacyTransaction(1, 0, -1, 21000, Recipient, 0)).ParamName);
        Assert.Equal("value", Assert.Throws<EthereumFormatException>(() => new LegacyTransaction(1, 0, 1, 21000, Recipient, BigInteger.One << 256)).ParamName);
        Assert.Equal("chainId", Assert.Throws<EthereumFormatException>(() => new LegacyTransaction(0, 0, 1, 21000, Recipient, 0)).ParamName);
    }

    [Fact]
    public void Rejects_a_v_that_is_neither_27_28_nor_eip155()
    {
        // Same transaction with v = 0x1d (29).
        var raw = ExpectedRaw.Replace("8025a0", "801da0", StringComparison.Ordinal);
        var ex = Assert.Throws<EthereumFormatException>(() => SignedTransaction.Parse(raw));
        Assert.Equal("v", ex.ParamName);
    }
}
