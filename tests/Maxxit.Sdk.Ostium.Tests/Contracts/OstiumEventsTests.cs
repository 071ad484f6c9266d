using System.Numerics;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Hashing;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Rpc;
using static Maxxit.Sdk.Ostium.Tests.OstiumTestKit;

namespace Maxxit.Sdk.Ostium.Tests.Contracts;

/// <summary>
/// Logs built word by word from the official declarations (0xOstium/smart-contracts-public), not with the SDK's
/// encoder: topic 0 is keccak256 of the canonical signature, each indexed field one topic, the rest ABI words in data.
/// </summary>
public sealed class OstiumEventsTests
{
    private static readonly EthereumAddress Somewhere = EthereumAddress.Parse("0x00000000000000000000000000000000000000aa");

    [Theory]
    [InlineData("PriceRequested", "PriceRequested(uint256,bytes32,uint256)")]
    [InlineData("MarketOpenOrderInitiated", "MarketOpenOrderInitiated(uint256,address,uint16)")]
    [InlineData("MarketCloseOrderInitiatedV2", "MarketCloseOrderInitiatedV2(uint256,uint256,address,uint16,uint16)")]
    [InlineData("MarketOpenExecuted", "MarketOpenExecuted(uint256,(uint256,uint192,uint192,uint192,address,uint32,uint16,uint8,bool),uint256,uint256)")]
    [InlineData("MarketOpenCanceled", "MarketOpenCanceled(uint256,address,uint256,uint8)")]
    [InlineData("MarketCloseExecutedV2", "MarketCloseExecutedV2(uint256,uint256,uint256,uint256,int256,uint256,uint256)")]
    [InlineData("MarketCloseCanceled", "MarketCloseCanceled(uint256,uint256,address,uint256,uint256,uint8)")]
    [InlineData("MarketOpenTimeoutExecutedV2", "MarketOpenTimeoutExecutedV2(uint256,(uint256,uint192,uint32,(uint256,uint192,uint192,uint192,address,uint32,uint16,uint8,bool),uint16))")]
    [InlineData("MarketCloseTimeoutExecutedV2", "MarketCloseTimeoutExecutedV2(uint256,uint256,(uint256,uint192,uint32,(uint256,uint192,uint192,uint192,address,uint32,uint16,uint8,bool),uint16))")]
    [InlineData("DevFeeCharged", "DevFeeCharged(uint256,address,uint256)")]
    [InlineData("FeesCharged", "FeesCharged(uint256,uint256,address,uint256,int256)")]
    public void Canonical_signatures_are_the_contracts_own(string name, string canonical)
    {
        var e = typeof(OstiumEvents).GetProperty(name)!.GetValue(null) as Maxxit.Sdk.Ethereum.Abi.AbiEvent;

        Assert.Equal(canonical, e!.Signature);
        Assert.Equal(Keccak256.HashUtf8(canonical), e.Topic0.ToArray());
    }

    [Fact]
    public void PriceRequested_has_only_the_order_id_indexed()
    {
        var feed = Hex.Decode("0x00039d9e45394f473ab1f050a1b963e6b05351e52d71e507509ada0c95ed75b8");
        var log = new LogEntry(
            Somewhere,
            [Keccak256.HashUtf8("PriceRequested(uint256,bytes32,uint256)"), Word(77_001)],
            [.. feed, .. Word(1_748_460_056)]);

        Assert.True(OstiumEvents.TryGetOrderId([log], FakeTrading, out var orderId));
        Assert.Equal(new BigInteger(77_001), orderId);
        var values = OstiumEvents.PriceRequested.DecodeLog(log.Topics, log.Data);
        Assert.Equal(feed, (byte[])values[1]!);
        Assert.Equal(new BigInteger(1_748_460_056), values[2]);
    }

    [Fact]
    public void The_old_three_topic_shape_is_not_taken_for_PriceRequested()
    {
        // The shape this SDK used to assume (bytes32 indexed job): three topics, which no real receipt carries.
        var wrong = new LogEntry(Somewhere, [Keccak256.HashUtf8("PriceRequested(uint256,bytes32,uint256)"), Word(5), new byte[32]], Word(0));

        Assert.False(OstiumEvents.TryGetOrderId([wrong], FakeTrading, out _));
    }

    [Fact]
    public void Trading_initiated_event_wins_over_a_price_request_and_other_emitters_are_ignored()
    {
        var initiated = new LogEntry(
            FakeTrading,
            [Keccak256.HashUtf8("MarketOpenOrderInitiated(uint256,address,uint16)"), Word(9), AddressWord(Trader), Word(5)],
            []);
        var spoofed = initiated with { Address = Somewhere, Topics = [initiated.Topics[0], Word(666), initiated.Topics[2], initiated.Topics[3]] };

        Assert.True(OstiumEvents.TryGetOrderId([spoofed, initiated], FakeTrading, out var orderId));
        Assert.Equal(new BigInteger(9), orderId);
    }

    [Fact]
    public void MarketOpenCanceled_carries_the_reason_as_data_behind_three_indexed_topics()
    {
        var log = new LogEntry(
            Somewhere,
            [Keccak256.HashUtf8("MarketOpenCanceled(uint256,address,uint256,uint8)"), Word(1001), AddressWord(Trader), Word(5)],
            Word((int)OstiumCancelReason.DayTradeNotAllowed));

        var values = OstiumEvents.MarketOpenCanceled.DecodeLog(log.Topics, log.Data);

        Assert.Equal(new BigInteger(1001), values[0]);
        Assert.Equal(Trader, values[1]);
        Assert.Equal(new BigInteger(5), values[2]);
        Assert.Equal(new BigInteger(13), values[3]);
        Assert.Equal("DAY_TRADE_NOT_ALLOWED", OstiumEvents.ContractName((OstiumCancelReason)(int)(BigInteger)values[3]!));
    }

    [Fact]
    public void MarketOpenExecuted_decodes_the_trade_tuple_inline_in_data()
    {
        byte[] data =
        [
            .. Word(99_500_000), .. Word(BigInteger.Parse("4651000000000000000000")), .. Word(0), .. Word(0), .. AddressWord(Trader),
            .. Word(500), .. Word(5), .. Word(3), .. Word(1), .. Word(1_000), .. Word(BigInteger.Parse("106963392999516582")),
        ];
        var log = new LogEntry(Somewhere, [Keccak256.HashUtf8("MarketOpenExecuted(uint256,(uint256,uint192,uint192,uint192,address,uint32,uint16,uint8,bool),uint256,uint256)"), Word(1001)], data);

        var values = OstiumEvents.MarketOpenExecuted.DecodeLog(log.Topics, log.Data);
        var trade = (object?[])values[1]!;

        Assert.Equal(new BigInteger(99_500_000), trade[0]);
        Assert.Equal(Trader, trade[4]);
        Assert.Equal(new BigInteger(3), trade[7]);
        Assert.Equal(true, trade[8]);
        Assert.Equal(BigInteger.Parse("106963392999516582"), values[3]);
    }

    [Fact]
    public void MarketCloseCanceled_has_order_trade_and_trader_indexed_and_pair_index_reason_in_data()
    {
        var log = new LogEntry(
            Somewhere,
            [Keccak256.HashUtf8("MarketCloseCanceled(uint256,uint256,address,uint256,uint256,uint8)"), Word(2002), Word(1001), AddressWord(Trader)],
            [.. Word(5), .. Word(2), .. Word((int)OstiumCancelReason.MarketClosed)]);

        var values = OstiumEvents.MarketCloseCanceled.DecodeLog(log.Topics, log.Data);

        Assert.Equal(new BigInteger(1001), values[1]);
        Assert.Equal(new BigInteger(2), values[4]);
        Assert.Equal(new BigInteger(2), values[5]);
    }

    [Fact]
    public void Cancel_reasons_follow_the_contract_enum_order()
    {
        string[] contract = ["NONE", "PAUSED", "MARKET_CLOSED", "SLIPPAGE", "TP_REACHED", "SL_REACHED", "EXPOSURE_LIMITS", "PRICE_IMPACT", "MAX_LEVERAGE", "NO_TRADE", "UNDER_LIQUIDATION", "NOT_HIT", "GAIN_LOSS", "DAY_TRADE_NOT_ALLOWED", "CLOSE_DAY_TRADE_NOT_ALLOWED"];

        Assert.Equal(contract, Enumerable.Range(0, contract.Length).Select(i => OstiumEvents.ContractName((OstiumCancelReason)i)));
    }

    private static EthereumAddress FakeTrading => Fakes.FakeOstiumNode.Trading;

    internal static byte[] Word(BigInteger value)
    {
        var word = new byte[32];
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    internal static byte[] AddressWord(EthereumAddress address) => Word(new BigInteger(Hex.Decode(address.ToLowerHex()), isUnsigned: true, isBigEndian: true));
}
