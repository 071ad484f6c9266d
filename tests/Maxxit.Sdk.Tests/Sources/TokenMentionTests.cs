using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sdk.Tests.Sources;

public sealed class TokenMentionTests
{
    private static readonly Lazy<IMarketCatalog> Catalog = new(() =>
    {
        var sp = TestServices.Build();
        var catalog = sp.GetRequiredService<IMarketCatalog>();
        catalog.EnsureFreshAsync(default).AsTask().GetAwaiter().GetResult();
        return catalog;
    });

    private static readonly CatalogTokenMentionExtractor Extractor = new(Catalog.Value);

    [Theory]
    [InlineData("$ETH breakout", "ETH")]
    [InlineData("$eth and $Sol looking good", "ETH,SOL")]
    [InlineData("ETH/BTC ratio is bottoming, SOL too", "ETH,BTC,SOL")]
    [InlineData("gold: XAU and EURUSD on the move", "XAU,EURUSD")]
    [InlineData("$kPEPE sends", "KPEPE")]
    [InlineData("eth sol btc in lower case are not symbols", "")]
    [InlineData("$XYZ and FOOBAR are listed nowhere", "")]
    [InlineData("AI is NOT going to MOVE the market, but $NEAR will", "NEAR")]
    [InlineData("$ETH $ETH ETH again", "ETH")]
    [InlineData("https://t.co/AbCdEf no tokens", "")]
    public void Finds_cashtags_and_capitalised_listed_symbols(string text, string expected)
    {
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), Extractor.Extract(text));
    }

    [Property(MaxTest = 300)]
    public Property Every_listed_symbol_is_found_as_a_cashtag_in_any_surrounding_text()
    {
        var symbols = Catalog.Value.GetMarkets(Venue.Hyperliquid).Concat(Catalog.Value.GetMarkets(Venue.Ostium)).Select(m => m.Symbol).Distinct().ToArray();
        return Prop.ForAll(
            Arb.From(Gen.Elements(symbols)),
            Arb.From(Gen.Elements("", "bullish on ", "gm. ", "(")),
            Arb.From(Gen.Elements("", " now!", "'s chart", ")")),
            (symbol, before, after) => Extractor.Extract($"{before}${symbol.ToLowerInvariant()}{after}").Contains(symbol));
    }
}
