using System.Numerics;
using Maxxit.Sdk.Ethereum.Abi;
using Maxxit.Sdk.Ethereum.Hashing;

namespace Maxxit.Sdk.Ethereum.Tests.Abi;

public class AbiEventTests
{
    private static readonly AbiEvent Transfer = new("event Transfer(address indexed from, address indexed to, uint256 value)");

    [Fact]
    public void Topic0_is_the_keccak_of_the_canonical_signature()
    {
        Assert.Equal("Transfer(address,address,uint256)", Transfer.Signature);
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Hex.Encode(Transfer.Topic0));
    }

    [Fact]
    public void Decodes_a_real_erc20_transfer_log()
    {
        // An ERC-20 Transfer log as eth_getLogs returns it: indexed from/to in topics, the amount in data.
        var topics = new[]
        {
            "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
            "0x0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "0x000000000000000000000000fb6916095ca1df60bb79ce92ce3ea74c37c5d359",
        };
        var values = Transfer.DecodeLog(topics, "0x00000000000000000000000000000000000000000000000000000000000f4240");
        Assert.Equal(EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), values[0]);
        Assert.Equal(EthereumAddress.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"), values[1]);
        Assert.Equal(new BigInteger(1_000_000), values[2]);
    }

    [Fact]
    public void Encode_then_decode_round_trips_with_mixed_indexed_parameters()
    {
        var priceRequested = new AbiEvent("PriceRequested(uint256 indexed orderId, bytes32 indexed job, string note, uint16 pairIndex, string indexed tag)");
        var job = Keccak256.HashUtf8("job");
        var log = priceRequested.EncodeLog(42, job, "hello", (ushort)7, "tag");

        Assert.Equal(4, log.Topics.Count);
        Assert.Equal(Keccak256.HashUtf8("tag"), log.Topics[3]);
        var values = priceRequested.DecodeLog(log.Topics, log.Data);
        Assert.Equal(new BigInteger(42), values[0]);
        Assert.Equal(job, values[1]);
        Assert.Equal("hello", values[2]);
        Assert.Equal(new BigInteger(7), values[3]);
        Assert.Equal(Keccak256.HashUtf8("tag"), values[4]);
    }

    [Fact]
    public void Wrong_topic0_or_topic_count_is_rejected()
    {
        var log = Transfer.EncodeLog(EthereumAddress.Zero, EthereumAddress.Zero, 1);
        var approval = new AbiEvent("Approval(address indexed owner, address indexed spender, uint256 value)");
        Assert.False(approval.Matches(log.Topics));
        Assert.Equal("topics", Assert.Throws<EthereumFormatException>(() => approval.DecodeLog(log.Topics, log.Data)).ParamName);
        Assert.Throws<EthereumFormatException>(() => Transfer.DecodeLog(log.Topics.Take(2).ToArray(), log.Data));
    }

    [Fact]
    public void More_than_three_indexed_parameters_are_rejected() =>
        Assert.Throws<EthereumFormatException>(() => new AbiEvent("E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)"));
}
