using System.Text;
using Maxxit.Sdk.Hyperliquid.Streams;

namespace Maxxit.Sdk.Hyperliquid.Tests.Streams;

/// <summary>The forward-only parsers against the shapes the official SDK's types and cassettes show.</summary>
public sealed class StreamParserTests
{
    [Fact]
    public void The_envelope_finds_channel_and_data_in_either_order()
    {
        var message = Encoding.UTF8.GetBytes("""{"data":{"mids":{"BTC":"97000.5","@1":"0.0021"}},"channel":"allMids"}""");

        Assert.True(HyperliquidStreamParser.TryReadEnvelope(message, out var channel, out var range));
        var mids = HyperliquidStreamParser.ParseAllMids(message.AsSpan()[range]);

        Assert.Equal("allMids", channel);
        Assert.Equal(97000.5m, mids["BTC"]);
        Assert.Equal(0.0021m, mids["@1"]);
        Assert.True(HyperliquidStreamParser.TryReadEnvelope("""{"channel":"pong"}"""u8, out var pong, out _));
        Assert.Equal("pong", pong);
    }

    [Fact]
    public void An_l2_book_reads_both_sides_best_first()
    {
        var message = Encoding.UTF8.GetBytes(
            """{"channel":"l2Book","data":{"coin":"DYDX","time":1683245884863,"levels":[[{"n":1,"px":"2.111","sz":"134.4"},{"n":2,"px":"2.1105","sz":"141.1"}],[{"n":2,"px":"2.1124","sz":"352.3"}]]}}""");
        HyperliquidStreamParser.TryReadEnvelope(message, out _, out var range);

        var book = HyperliquidStreamParser.ParseBook(message.AsSpan()[range]);

        Assert.Equal(("DYDX", 1683245884863L), (book.Coin, book.Time));
        Assert.Equal([new HyperliquidBookLevel(2.111m, 134.4m, 1), new HyperliquidBookLevel(2.1105m, 141.1m, 2)], book.Bids);
        Assert.Equal(new HyperliquidBookLevel(2.1124m, 352.3m, 2), Assert.Single(book.Asks));
    }

    [Fact]
    public void A_bbo_with_an_empty_side_reads_as_null()
    {
        var bbo = HyperliquidStreamParser.ParseBbo("""{"coin":"BTC","time":5,"bbo":[null,{"px":"97001.0","sz":"0.3","n":4}]}"""u8);

        Assert.Null(bbo.Bid);
        Assert.Equal(new HyperliquidBookLevel(97001m, 0.3m, 4), bbo.Ask);
    }

    [Fact]
    public void Trades_fills_order_updates_and_user_events_read_their_documented_fields()
    {
        var trades = HyperliquidStreamParser.ParseTrades(
            """[{"coin":"SOL","side":"A","px":"187.3","sz":"2.5","hash":"0xab","time":9,"tid":77,"users":["0x1","0x2"]}]"""u8);
        var (user, snapshot, fills) = HyperliquidStreamParser.ParseUserFills(
            """{"isSnapshot":true,"user":"0xABCDEF0000000000000000000000000000000001","fills":[{"coin":"ETH","px":"3412.8","sz":"0.1","side":"A","time":7,"startPosition":"0.05","dir":"Long > Short","closedPnl":"1.2","hash":"0x01","oid":42,"crossed":true,"fee":"0.15"}]}"""u8);
        var updates = HyperliquidStreamParser.ParseOrderUpdates(
            """[{"order":{"coin":"ETH","side":"B","limitPx":"3000.0","sz":"0.0","oid":5,"timestamp":3,"origSz":"0.2","cloid":"0xAA000000000000000000000000000000"},"status":"filled","statusTimestamp":4}]"""u8);
        var funding = HyperliquidStreamParser.ParseUserEvent("""{"funding":{"time":1,"coin":"ETH","usdc":"-0.1","szi":"0.2","fundingRate":"0.0001"}}"""u8);

        Assert.Equal(new HyperliquidTrade("SOL", false, 187.3m, 2.5m, 9, "0xab", 77), Assert.Single(trades));
        Assert.Equal(("0xabcdef0000000000000000000000000000000001", true), (user, snapshot));
        var fill = Assert.Single(fills);
        Assert.Equal(("Long > Short", 0.05m, (long?)null, (string?)null), (fill.Direction, fill.StartPosition, fill.TradeId, fill.ClientOrderId));
        var update = Assert.Single(updates);
        Assert.Equal(("filled", 0.2m, "0xaa000000000000000000000000000000"), (update.Status, update.FilledSize, update.ClientOrderId));
        Assert.Equal(HyperliquidUserEventKind.Funding, funding.Kind);
    }

    [Theory]
    [InlineData("97123.5", true)]
    [InlineData("-0.00061334", true)]
    [InlineData("0.0", true)]
    [InlineData("1", true)]
    [InlineData("123456789012345678", true)]
    [InlineData("1234567890123456789", false)]
    [InlineData("1e-5", false)]
    [InlineData("1.", false)]
    [InlineData(".", false)]
    [InlineData("-", false)]
    [InlineData("1.2.3", false)]
    [InlineData("", false)]
    public void Plain_decimals_parse_exactly_and_anything_else_is_left_to_the_general_parser(string text, bool plain)
    {
        var parsed = HyperliquidStreamParser.TryParsePlain(Encoding.UTF8.GetBytes(text), out var value);

        Assert.Equal(plain, parsed);
        if (plain)
        {
            var expected = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, value);
            Assert.Equal(expected.Scale, value.Scale);
        }
    }
}
