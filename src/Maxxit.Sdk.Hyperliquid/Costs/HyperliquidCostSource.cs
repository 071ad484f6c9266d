using System.Globalization;
using System.Text;
using System.Text.Json;
using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Routing.Costs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Hyperliquid.Costs;

/// <summary>
/// Hyperliquid's cost snapshot over REST: each market's hourly funding from <c>metaAndAssetCtxs</c>, its book from
/// <c>l2Book</c> (up to 20 levels a side), and the taker fee of the base tier or of a configured account
/// (<c>userFees</c>). Runs in the background refresh only.
/// </summary>
public sealed class HyperliquidCostSource : IVenueCostSource
{
    private readonly HyperliquidHttp _http;
    private readonly HyperliquidInfoClient _info;
    private readonly HyperliquidCostOptions _options;
    private readonly ILogger<HyperliquidCostSource> _logger;
    private double? _accountFeeBps;
    private DateTimeOffset _accountFeeReadAt;

    internal HyperliquidCostSource(HyperliquidHttp http, HyperliquidInfoClient info, HyperliquidCostOptions options, ILogger<HyperliquidCostSource> logger)
    {
        _http = http;
        _info = info;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public Venue Venue => Venue.Hyperliquid;

    /// <inheritdoc />
    public async ValueTask<VenueCostSnapshot> GetCostSnapshotAsync(VenueCostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.Time.GetUtcNow(); // the data read below is at least this fresh
        var fee = await TakerFeeBpsAsync(asOf, cancellationToken).ConfigureAwait(false);
        var funding = (await _info.GetMarketsAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(m => m.Asset.Name, m => (double)m.Context.Funding, StringComparer.Ordinal);
        var curves = new Dictionary<string, MarketCostCurve>(StringComparer.Ordinal);
        var failed = new List<string>();
        var gate = new object();
        await Parallel.ForEachAsync(
            request.Markets,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentBookRequests), CancellationToken = cancellationToken },
            async (market, ct) =>
            {
                if (!funding.TryGetValue(market.VenueSymbol, out var hourly))
                {
                    return;
                }

                try
                {
                    var body = await _http.PostInfoAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"l2Book\",\"coin\":{JsonSerializer.Serialize(market.VenueSymbol)}}}"), "l2Book", ct).ConfigureAwait(false);
                    if (HyperliquidBookParser.Parse(body, fee, hourly) is { } curve)
                    {
                        lock (gate)
                        {
                            curves[market.Symbol] = curve;
                        }
                    }
                }
                catch (Exception ex) when (ex is HyperliquidApiException or JsonException or KeyNotFoundException or FormatException or InvalidOperationException or Errors.MaxxitValidationException)
                {
                    // One coin's book failing leaves only that coin unpriced (ranked by priority), not the whole venue.
                    lock (gate)
                    {
                        failed.Add(market.VenueSymbol);
                    }
                }
            }).ConfigureAwait(false);
        if (failed.Count > 0)
        {
            if (curves.Count == 0)
            {
                throw new HyperliquidApiException($"Hyperliquid l2Book failed for every coin priced ({failed.Count})", null, isTransient: true);
            }

            _logger.LogWarning("Hyperliquid l2Book failed for {Count} coins ({Coins}); they are left unpriced this pass", failed.Count, string.Join(", ", failed.Take(10)));
        }

        return new VenueCostSnapshot(Venue.Hyperliquid, asOf, curves, "funding");
    }

    /// <summary>Adds the source to a host that has the Hyperliquid venue (called by <c>AddHyperliquid</c>).</summary>
    internal static void Register(IServiceCollection services)
    {
        services.AddOptions<HyperliquidCostOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVenueCostSource, HyperliquidCostSource>(sp => new HyperliquidCostSource(
            sp.GetRequiredService<HyperliquidHttp>(),
            sp.GetRequiredService<HyperliquidInfoClient>(),
            sp.GetRequiredService<IOptions<HyperliquidCostOptions>>().Value,
            sp.GetRequiredService<ILogger<HyperliquidCostSource>>())));
    }

    private async Task<double> TakerFeeBpsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_options.FeeAccount is not { } account)
        {
            return _options.TakerFeeBps;
        }

        if (_accountFeeBps is { } known && now - _accountFeeReadAt < _options.FeeRefreshInterval)
        {
            return known;
        }

        try
        {
            var body = await _http.PostInfoAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"userFees\",\"user\":{JsonSerializer.Serialize(account.ToLowerInvariant())}}}"), "userFees", cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            var rate = double.Parse(document.RootElement.GetProperty("userCrossRate").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            _accountFeeBps = rate * 10_000;
            _accountFeeReadAt = now;
            return rate * 10_000;
        }
        catch (Exception ex) when (ex is HyperliquidApiException or JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            _logger.LogWarning(ex, "Hyperliquid fee tier not read; pricing with {Fee} bps", _accountFeeBps ?? _options.TakerFeeBps);
            return _accountFeeBps ?? _options.TakerFeeBps;
        }
    }
}
