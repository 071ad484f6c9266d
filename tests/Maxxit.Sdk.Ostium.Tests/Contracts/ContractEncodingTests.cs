using System.Numerics;
using FsCheck.Xunit;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ostium.Contracts;
using Maxxit.Sdk.Ostium.Rpc;

namespace Maxxit.Sdk.Ostium.Tests.Contracts;

public sealed class ContractEncodingTests
{
    private static readonly EthereumAddress Trader = EthereumAddress.Parse("0x1000000000000000000000000000000000000001");

    [Theory]
    [InlineData("approve", "0x095ea7b3")]
    [InlineData("balanceOf", "0x70a08231")]
    [InlineData("allowance", "0xdd62ed3e")]
    public void Erc20_selectors_are_the_well_known_ones(string name, string selector)
    {
        var function = name switch
        {
            "approve" => Erc20Contract.Approve,
            "balanceOf" => Erc20Contract.BalanceOf,
            _ => Erc20Contract.Allowance,
        };

        Assert.Equal(selector, Hex.Encode(function.Selector));
    }

    [Fact]
    public void OpenTrade_encodes_both_static_tuples_inline_word_by_word()
    {
        var call = new OpenTradeCall(
            new OstiumTrade(100_000_000, OstiumUnits.Price(4650.75m), 7, 9, Trader, 500, 5, 0, true),
            new OstiumBuilderFee(EthereumAddress.Parse("0x2000000000000000000000000000000000000002"), 1234),
            OstiumOrderType.Market,
            200);

        var data = OstiumTradingContract.EncodeOpenTrade(call);

        Assert.Equal(4 + (13 * 32), data.Length);
        Assert.Equal(OstiumTradingContract.OpenTrade.Selector.ToArray(), data[..4]);
        BigInteger Word(int i) => new(data.AsSpan(4 + (i * 32), 32), isUnsigned: true, isBigEndian: true);
        Assert.Equal(new BigInteger(100_000_000), Word(0));
        Assert.Equal(BigInteger.Parse("4650750000000000000000"), Word(1));
        Assert.Equal(new BigInteger(7), Word(2));
        Assert.Equal(new BigInteger(9), Word(3));
        Assert.Equal(Trader, EthereumAddress.FromBytes(data.AsSpan(4 + (4 * 32) + 12, 20)));
        Assert.Equal(new BigInteger(500), Word(5));
        Assert.Equal(new BigInteger(5), Word(6));
        Assert.Equal(BigInteger.Zero, Word(7));
        Assert.Equal(BigInteger.One, Word(8));
        Assert.Equal(new BigInteger(1234), Word(10));
        Assert.Equal(BigInteger.Zero, Word(11));
        Assert.Equal(new BigInteger(200), Word(12));
    }

    [Property(MaxTest = 200)]
    public bool OpenTrade_decodes_what_it_encodes_even_inside_delegatedAction(
        ulong collateral, ulong price, uint leverage, ushort pair, byte index, bool buy, uint slippage, byte orderTypeSeed, ulong addressSeed)
    {
        var addressBytes = new byte[20];
        BitConverter.TryWriteBytes(addressBytes.AsSpan(12), addressSeed);
        var trader = EthereumAddress.FromBytes(addressBytes);
        var call = new OpenTradeCall(
            new OstiumTrade(collateral, (BigInteger)price << 60, price, (BigInteger)collateral * 3, trader, leverage, pair, index, buy),
            new OstiumBuilderFee(trader, slippage / 2),
            (OstiumOrderType)(orderTypeSeed % 3),
            slippage);
        var wrapped = OstiumTradingContract.EncodeDelegatedAction(trader, OstiumTradingContract.EncodeOpenTrade(call));
        var (unwrappedTrader, inner) = OstiumTradingContract.DecodeDelegatedAction(wrapped);
        return unwrappedTrader == trader && OstiumTradingContract.DecodeOpenTrade(inner) == call;
    }

    [Fact]
    public void CloseTradeMarket_round_trips()
    {
        var call = new CloseTradeMarketCall(5, 2, 10_000, OstiumUnits.Price(4700m), 200);

        Assert.Equal(call, OstiumTradingContract.DecodeCloseTradeMarket(OstiumTradingContract.EncodeCloseTradeMarket(call)));
    }

    [Fact]
    public void Decoding_rejects_an_order_type_outside_market_limit_stop()
    {
        var call = new OpenTradeCall(new OstiumTrade(1, 1, 0, 0, Trader, 100, 0, 0, true), OstiumBuilderFee.None, OstiumOrderType.Market, 200);
        var data = OstiumTradingContract.EncodeOpenTrade(call);
        data[4 + (11 * 32) + 31] = 7;

        Assert.Throws<EthereumFormatException>(() => OstiumTradingContract.DecodeOpenTrade(data));
    }
}
