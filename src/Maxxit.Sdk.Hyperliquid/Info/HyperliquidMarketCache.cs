namespace Maxxit.Sdk.Hyperliquid.Info;

/// <summary>
/// Markets (metaAndAssetCtxs) refreshed on the options' interval, and mids kept for a second so that a monitor
/// pricing many positions sends one allMids request per tick rather than one per position.
/// </summary>
internal sealed class HyperliquidMarketCache
{
    private static readonly TimeSpan MidsMaxAge = TimeSpan.FromSeconds(1);

    private readonly HyperliquidInfoClient _info;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile HyperliquidMarketSnapshot? _snapshot;
    private volatile MidsSnapshot? _mids;

    public HyperliquidMarketCache(HyperliquidInfoClient info, TimeSpan refreshInterval, TimeProvider time)
    {
        _info = info;
        _refreshInterval = refreshInterval;
        _time = time;
    }

    public async ValueTask<HyperliquidMarketSnapshot> GetMarketsAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && _time.GetElapsedTime(snapshot.LoadedAt) < _refreshInterval)
        {
            return snapshot;
        }

        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && _time.GetElapsedTime(snapshot.LoadedAt) < _refreshInterval)
            {
                return snapshot;
            }

            var markets = await _info.GetMarketsAsync(cancellationToken).ConfigureAwait(false);
            snapshot = new HyperliquidMarketSnapshot(markets, _time.GetTimestamp());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>Mids no older than a second; always fresh when <paramref name="fresh"/> (pricing an order).</summary>
    public async ValueTask<IReadOnlyDictionary<string, decimal>> GetMidsAsync(bool fresh, CancellationToken cancellationToken)
    {
        var mids = _mids;
        if (!fresh && mids is not null && _time.GetElapsedTime(mids.LoadedAt) < MidsMaxAge)
        {
            return mids.Prices;
        }

        var prices = await _info.GetAllMidsAsync(cancellationToken).ConfigureAwait(false);
        _mids = new MidsSnapshot(prices, _time.GetTimestamp());
        return prices;
    }

    private sealed record MidsSnapshot(IReadOnlyDictionary<string, decimal> Prices, long LoadedAt);
}
