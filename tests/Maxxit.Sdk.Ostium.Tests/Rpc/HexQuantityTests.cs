using System.Numerics;
using FsCheck.Xunit;
using Maxxit.Sdk.Ostium.Rpc;

namespace Maxxit.Sdk.Ostium.Tests.Rpc;

public sealed class HexQuantityTests
{
    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(26, "0x1a")]
    [InlineData(255, "0xff")]
    [InlineData(42161, "0xa4b1")]
    public void Formats_without_leading_zeros(long value, string expected) => Assert.Equal(expected, HexQuantity.Format(value));

    [Theory]
    [InlineData("0xff", 255)]
    [InlineData("0x0", 0)]
    [InlineData("0X10", 16)]
    public void Parses_quantities(string text, long expected) => Assert.Equal(new BigInteger(expected), HexQuantity.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ff")]
    [InlineData("0x")]
    [InlineData("0xzz")]
    public void Rejects_non_quantities(string? text) => Assert.ThrowsAny<FormatException>(() => HexQuantity.Parse(text));

    [Property]
    public bool Round_trips(ulong value) => HexQuantity.ParseUInt64(HexQuantity.Format(value)) == value;
}
