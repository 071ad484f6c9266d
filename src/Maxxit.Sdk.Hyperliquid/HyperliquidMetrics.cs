using System.Diagnostics.Metrics;
using Maxxit.Sdk.Hyperliquid.RateLimiting;

namespace Maxxit.Sdk.Hyperliquid;

/// <summary>
/// The adapter's instruments on the Meter <c>Maxxit.Sdk.Hyperliquid</c> (created through IMeterFactory when the host has
/// one, so it is scoped to the container): request durations, the rate limiter's state, price-source switches and
/// WebSocket reconnects.
/// </summary>
internal sealed class HyperliquidMetrics : IDisposable
{
    public const string MeterName = "Maxxit.Sdk.Hyperliquid";

    private readonly Meter _meter;
    private readonly bool _owned;

    public HyperliquidMetrics(IMeterFactory? factory, HyperliquidRateLimiter limiter)
    {
        _owned = factory is null;
        _meter = factory?.Create(new MeterOptions(MeterName)) ?? new Meter(MeterName);
        RequestDuration = _meter.CreateHistogram<double>("maxxit.hyperliquid.request.duration", "ms", "Duration of Hyperliquid API requests.");
        WeightUsed = _meter.CreateCounter<long>("maxxit.hyperliquid.ratelimit.weight", "{weight}", "Weight taken from the IP budget, by request type.");
        Throttled = _meter.CreateCounter<long>("maxxit.hyperliquid.ratelimit.throttled", "{response}", "429 answers from Hyperliquid.");
        Wait = _meter.CreateHistogram<double>("maxxit.hyperliquid.ratelimit.wait", "ms", "Time requests queued for weight.");
        PriceSource = _meter.CreateCounter<long>("maxxit.hyperliquid.price.source_switch", "{switch}", "Switches between WebSocket allMids and REST prices.");
        Reconnects = _meter.CreateCounter<long>("maxxit.hyperliquid.ws.reconnects", "{reconnect}", "WebSocket reconnects.");
        Dropped = _meter.CreateCounter<long>("maxxit.hyperliquid.ws.dropped", "{message}", "Stream messages dropped because a consumer was too slow.");
        _meter.CreateObservableGauge("maxxit.hyperliquid.ratelimit.available", () => limiter.Available, "{weight}", "Weight available in the IP budget now.");
        _meter.CreateObservableGauge("maxxit.hyperliquid.ratelimit.queued", () => limiter.Queued, "{request}", "Requests waiting for weight.");
    }

    public Histogram<double> RequestDuration { get; }

    public Counter<long> WeightUsed { get; }

    public Counter<long> Throttled { get; }

    public Histogram<double> Wait { get; }

    public Counter<long> PriceSource { get; }

    public Counter<long> Reconnects { get; }

    public Counter<long> Dropped { get; }

    public void Dispose()
    {
        if (_owned)
        {
            _meter.Dispose();
        }
    }
}
