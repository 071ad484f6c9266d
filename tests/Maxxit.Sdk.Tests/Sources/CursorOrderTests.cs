using FsCheck;
using FsCheck.Xunit;
using Maxxit.Sdk.Sources;

namespace Maxxit.Sdk.Tests.Sources;

public sealed class CursorOrderTests
{
    [Property(MaxTest = 500)]
    public bool Post_ids_order_like_the_numbers_they_are(ulong a, ulong b)
    {
        var expected = a.CompareTo(b);
        return (Math.Sign(PostIds.Compare(a.ToString(), b.ToString())) == expected && PostIds.IsNewer(a.ToString(), b.ToString()) == (expected > 0));
    }

    [Fact]
    public void Post_ids_beyond_64_bits_still_order()
    {
        Assert.True(PostIds.Compare("99999999999999999999", "100000000000000000000") < 0);
        Assert.True(PostIds.IsNewer("1", null));
    }

    [Property(MaxTest = 300)]
    public bool Research_positions_round_trip_and_order_by_time_then_id(int seconds, NonEmptyString id)
    {
        var position = new ResearchPosition(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000L + seconds), id.Get);
        var parsed = ResearchPosition.Parse(position.Format());
        var later = position with { CreatedAt = position.CreatedAt.AddMilliseconds(1) };
        return (parsed == position && later.CompareTo(position) > 0 && (position with { Id = id.Get + "z" }).CompareTo(position) > 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("r1")]
    [InlineData("abc|r1")]
    public void Unreadable_research_positions_read_from_the_start(string? text) => Assert.Null(ResearchPosition.Parse(text));
}
