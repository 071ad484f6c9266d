using System.Text;
using FsCheck.Xunit;
using Maxxit.Sdk.Ethereum.Hashing;
using Org.BouncyCastle.Crypto.Digests;

namespace Maxxit.Sdk.Ethereum.Tests.Hashing;

public class Keccak256Tests
{
    [Fact]
    public void Empty_input_matches_the_known_digest() =>
        Assert.Equal("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
            Convert.ToHexStringLower(Keccak256.Hash([])));

    [Fact]
    public void Function_selector_of_transfer_is_a9059cbb() =>
        Assert.Equal("a9059cbb", Convert.ToHexStringLower(Keccak256.HashUtf8("transfer(address,uint256)").AsSpan(0, 4)));

    [Fact]
    public void Erc20_transfer_event_topic_matches_the_known_value() =>
        Assert.Equal("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
            Convert.ToHexStringLower(Keccak256.HashUtf8("Transfer(address,address,uint256)")));

    [Theory]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(137)]
    [InlineData(272)]
    [InlineData(1000)]
    public void Inputs_around_the_block_boundary_match_bouncycastle(int length)
    {
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = (byte)(i * 7 + 3);
        }

        Assert.Equal(Reference(data), Keccak256.Hash(data));
    }

    [Property(MaxTest = 300)]
    public bool Matches_bouncycastle_keccak_for_any_input(byte[] data) =>
        Keccak256.Hash(data).AsSpan().SequenceEqual(Reference(data));

    [Fact]
    public void Span_overload_writes_the_same_digest_into_a_larger_buffer()
    {
        var data = Encoding.ASCII.GetBytes("hello");
        var buffer = new byte[40];
        Keccak256.Hash(data, buffer);
        Assert.Equal(Keccak256.Hash(data), buffer[..32]);
        Assert.All(buffer[32..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Span_overload_rejects_a_short_destination()
    {
        var ex = Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], new byte[31]));
        Assert.Equal("destination", ex.ParamName);
    }

    private static byte[] Reference(byte[] data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }
}
