using System.Text.Json;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Routing;

namespace Maxxit.Sdk.Tests.Venues;

public sealed class VenueTests
{
    [Fact]
    public void Well_known_venues_have_their_database_names_and_parse_in_any_case()
    {
        Assert.Equal(["MULTI", "HYPERLIQUID", "OSTIUM", "GMX", "SPOT"], new[] { Venue.Multi, Venue.Hyperliquid, Venue.Ostium, Venue.Gmx, Venue.Spot }.Select(v => v.Name));
        Assert.Equal(Venue.Hyperliquid, Venue.Parse("hyperliquid", "venue"));
        Assert.True(Venue.TryParse("Ostium", out var ostium));
        Assert.Equal(Venue.Ostium, ostium);
        Assert.False(Venue.Multi.IsConcrete);
        Assert.True(Venue.Gmx.IsConcrete);
    }

    [Fact]
    public void A_new_venue_is_defined_once_by_name_upper_cased_and_equal_to_itself()
    {
        var a = Venue.Of("Test_Venue_A1");
        var b = Venue.Of("TEST_VENUE_A1");

        Assert.Equal("TEST_VENUE_A1", a.Name);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(Venue.Hyperliquid, a);
        Assert.Contains(a, Venue.Defined);
        Assert.Equal(a, Venue.Parse("test_venue_a1", "venue"));
        Assert.True(a.IsConcrete);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1DYDX")]
    [InlineData("DY-DX")]
    [InlineData("DY DX")]
    [InlineData("ÄDYDX")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG")]   // 33 characters
    public void Bad_names_are_refused_naming_the_field(string name)
    {
        var error = Assert.Throws<MaxxitValidationException>(() => Venue.Of(name));
        Assert.Equal("venue", error.Field);
    }

    [Fact]
    public void Parsing_never_defines_a_venue_and_says_which_field_and_which_venues_exist()
    {
        var error = Assert.Throws<MaxxitValidationException>(() => Venue.Parse("NEVER_DEFINED_ANYWHERE", "venue_priority"));

        Assert.Equal("venue_priority", error.Field);
        Assert.Contains("HYPERLIQUID", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Venue.Defined, v => v.Name == "NEVER_DEFINED_ANYWHERE");
        Assert.False(Venue.TryParse(null, out _));
    }

    [Fact]
    public void Default_names_no_venue()
    {
        Venue none = default;

        Assert.True(none.IsNone);
        Assert.False(none.IsConcrete);
        Assert.NotEqual(Venue.Multi, none);
        Assert.Equal("(none)", none.ToString());
        Assert.Throws<InvalidOperationException>(() => none.Name);
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(none));
        Assert.Throws<ArgumentException>(() => VenueRanking.Empty.Append(none));
    }

    [Fact]
    public void Json_writes_names_also_as_dictionary_keys_and_reads_only_defined_venues()
    {
        var custom = Venue.Of("TEST_VENUE_JSON");
        var json = JsonSerializer.Serialize(new Dictionary<Venue, Venue[]> { [custom] = [Venue.Hyperliquid, custom] });

        Assert.Equal("""{"TEST_VENUE_JSON":["HYPERLIQUID","TEST_VENUE_JSON"]}""", json);
        Assert.Equal([Venue.Hyperliquid, custom], JsonSerializer.Deserialize<Dictionary<Venue, Venue[]>>(json)![custom]);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Venue>("\"NOT_A_VENUE_ANYWHERE\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Venue>("3"));
    }

    [Fact]
    public void A_new_venue_has_its_own_health_and_market_slots()
    {
        var custom = Venue.Of("TEST_VENUE_SLOTS");
        var health = new Sdk.Venues.VenueHealthRegistry();

        health.Report(custom, healthy: false);

        Assert.False(health.IsHealthy(custom));
        Assert.True(health.IsHealthy(Venue.Hyperliquid));
        Assert.True(VenueRanking.Of(custom, Venue.Hyperliquid).Contains(custom));
        Assert.Equal(custom, VenueRanking.Of(Venue.Ostium, custom)[1]);
    }
}
