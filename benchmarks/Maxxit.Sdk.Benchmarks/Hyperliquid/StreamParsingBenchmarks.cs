using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Maxxit.Sdk.Hyperliquid.Streams;

namespace Maxxit.Sdk.Benchmarks.Hyperliquid;

/// <summary>
/// Parsing one WebSocket message into its typed record — an l2Book of 20 levels a side, and an allMids of 230 coins —
/// against <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> of the same bytes as the baseline
/// (a DOM that still has to be walked and converted), in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StreamParsingBenchmarks
{
    private byte[] _book = [];
    private byte[] _mids = [];

    [GlobalSetup]
    public void Setup()
    {
        var levels = new StringBuilder();
        for (var side = 0; side < 2; side++)
        {
            levels.Append(side == 0 ? "[" : ",[");
            for (var i = 0; i < 20; i++)
            {
                var px = side == 0 ? 97123.5m - (i * 0.5m) : 97124m + (i * 0.5m);
                levels.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}{{\"px\":\"{px}\",\"sz\":\"{1.25m + i:0.#####}\",\"n\":{i + 1}}}");
            }

            levels.Append(']');
        }

        _book = Encoding.UTF8.GetBytes($"{{\"channel\":\"l2Book\",\"data\":{{\"coin\":\"BTC\",\"time\":1732406400123,\"levels\":[{levels}]}}}}");

        var mids = new StringBuilder();
        string[] known = ["BTC", "ETH", "SOL", "HYPE", "kPEPE", "DOGE", "AVAX", "ARB", "OP", "LINK"];
        for (var i = 0; i < 230; i++)
        {
            var coin = i < known.Length ? known[i] : (i % 3 == 0 ? "@" + i.ToString(CultureInfo.InvariantCulture) : "COIN" + i.ToString(CultureInfo.InvariantCulture));
            mids.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}\"{coin}\":\"{(i + 1) * 1.2345m:0.#####}\"");
        }

        _mids = Encoding.UTF8.GetBytes($"{{\"channel\":\"allMids\",\"data\":{{\"mids\":{{{mids}}}}}}}");
    }

    /// <summary>Baseline: a DOM of the l2Book message.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("l2Book")]
    public int BookJsonDocument()
    {
        using var document = JsonDocument.Parse(_book);
        return document.RootElement.GetProperty("data").GetProperty("levels").GetArrayLength();
    }

    /// <summary>For context: the DOM walked into the same records (what the typed parse replaces).</summary>
    [Benchmark]
    [BenchmarkCategory("l2Book")]
    public int BookJsonDocumentToRecords()
    {
        using var document = JsonDocument.Parse(_book);
        var levels = document.RootElement.GetProperty("data").GetProperty("levels");
        var sides = new List<HyperliquidBookLevel>[2];
        for (var side = 0; side < 2; side++)
        {
            sides[side] = [];
            foreach (var level in levels[side].EnumerateArray())
            {
                sides[side].Add(new HyperliquidBookLevel(
                    decimal.Parse(level.GetProperty("px").GetString()!, CultureInfo.InvariantCulture),
                    decimal.Parse(level.GetProperty("sz").GetString()!, CultureInfo.InvariantCulture),
                    level.GetProperty("n").GetInt32()));
            }
        }

        return new HyperliquidBook(document.RootElement.GetProperty("data").GetProperty("coin").GetString()!, 0, sides[0], sides[1]).Bids.Count;
    }

    /// <summary>The stream client's path: envelope, then the book straight into records.</summary>
    [Benchmark]
    [BenchmarkCategory("l2Book")]
    public int BookTyped()
    {
        HyperliquidStreamParser.TryReadEnvelope(_book, out _, out var data);
        return HyperliquidStreamParser.ParseBook(_book.AsSpan()[data]).Bids.Count;
    }

    /// <summary>Baseline: a DOM of the allMids message.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("allMids")]
    public int MidsJsonDocument()
    {
        using var document = JsonDocument.Parse(_mids);
        return document.RootElement.GetProperty("data").GetProperty("mids").GetPropertyCount();
    }

    /// <summary>For context: the DOM walked into the same dictionary (what the typed parse replaces).</summary>
    [Benchmark]
    [BenchmarkCategory("allMids")]
    public int MidsJsonDocumentToDictionary()
    {
        using var document = JsonDocument.Parse(_mids);
        var mids = new Dictionary<string, decimal>(256, StringComparer.Ordinal);
        foreach (var mid in document.RootElement.GetProperty("data").GetProperty("mids").EnumerateObject())
        {
            mids[mid.Name] = decimal.Parse(mid.Value.GetString()!, CultureInfo.InvariantCulture);
        }

        return mids.Count;
    }

    /// <summary>The stream client's path: envelope, then coin → decimal with cached coin names.</summary>
    [Benchmark]
    [BenchmarkCategory("allMids")]
    public int MidsTyped()
    {
        HyperliquidStreamParser.TryReadEnvelope(_mids, out _, out var data);
        return HyperliquidStreamParser.ParseAllMids(_mids.AsSpan()[data]).Count;
    }
}
