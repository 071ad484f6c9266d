using System.Collections.Concurrent;
using System.Globalization;
using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Venues;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>
/// What the venue takes from the WebSocket when <see cref="HyperliquidOptions.EnableStreams"/> is on: the latest allMids
/// (while the socket is up and the message is fresh), and order fates from orderUpdates plus userFills for the users it
/// trades for (as far as the limits allow: orderUpdates for one user per connection, userFills for ten). Everything
/// here is answered from memory; when it cannot answer, the venue asks REST.
/// </summary>
internal sealed class HyperliquidStreamFeeds
{
    private const int MaxRemembered = 50_000;

    private readonly HyperliquidStreamClient _client;
    private readonly HyperliquidOptions _options;
    private readonly TimeProvider _time;
    private readonly HyperliquidMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, HyperliquidOrderState> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, ConcurrentQueue<HyperliquidFill>> _fills = new();
    private readonly ConcurrentDictionary<string, bool> _watchedUsers = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly List<IDisposable> _watches = [];
    private IDisposable? _mids;
    private int _priceSource;

    public HyperliquidStreamFeeds(HyperliquidStreamClient client, HyperliquidOptions options, TimeProvider time, HyperliquidMetrics metrics, ILogger logger)
    {
        _client = client;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    public bool Enabled => _options.EnableStreams;

    /// <summary>The coin's mid from the last allMids when the socket is up and it is fresh; logs and counts every switch of source.</summary>
    public bool TryGetMid(string coin, out decimal mid)
    {
        mid = 0m;
        if (!Enabled)
        {
            return false;
        }

        if (_mids is null)
        {
            lock (_gate)
            {
                _mids ??= _client.Watch<HyperliquidMids>(StreamSpec.AllMids(), static _ => { });
            }
        }

        var latest = _client.LatestMids;
        var fresh = _client.IsConnected && latest is not null && _time.GetUtcNow() - latest.ReceivedAt <= _options.StreamPriceMaxAge;
        Report(fresh);
        return fresh && latest!.Mids.TryGetValue(coin, out mid) && mid > 0m;
    }

    /// <summary>Starts the user's userFills (and, if the connection has room, orderUpdates) feeds once.</summary>
    public void Watch(string user)
    {
        if (!Enabled || !_watchedUsers.TryAdd(user, true))
        {
            return;
        }

        lock (_gate)
        {
            TryWatch(StreamSpec.UserFills(user), (HyperliquidFill fill) =>
            {
                if (_fills.Count > MaxRemembered)
                {
                    _fills.Clear();
                }

                _fills.GetOrAdd(fill.OrderId, _ => new ConcurrentQueue<HyperliquidFill>()).Enqueue(fill);
            });
            TryWatch(StreamSpec.OrderUpdates(user), (HyperliquidOrderState order) =>
            {
                if (order.ClientOrderId is { } cloid)
                {
                    if (_orders.Count > MaxRemembered)
                    {
                        _orders.Clear();
                    }

                    _orders[cloid] = order;
                }
            });
        }
    }

    /// <summary>The fate of a finished order as streamed (filled with all its fills seen, or ended without a fill); null otherwise.</summary>
    public OrderFate? TryGetFate(string cloid)
    {
        if (!Enabled || !_orders.TryGetValue(cloid, out var order) || order.Status is "open" or "triggered")
        {
            return null;
        }

        var oid = order.OrderId.ToString(CultureInfo.InvariantCulture);
        if (order.FilledSize <= 0m)
        {
            return OrderFate.Cancelled($"{order.Status}: Hyperliquid order {oid} ended without a fill.");
        }

        if (!_fills.TryGetValue(order.OrderId, out var fills))
        {
            return null;
        }

        decimal size = 0m, notional = 0m, fees = 0m;
        foreach (var fill in fills)
        {
            size += fill.Size;
            notional += fill.Size * fill.Price;
            fees += fill.Fee;
        }

        // Until every fill of the order has streamed in, the average and fee would be wrong: ask REST instead.
        return size == order.FilledSize ? OrderFate.Filled(size, notional / size, fees, oid) : null;
    }

    private void TryWatch<T>(StreamSpec spec, Action<T> callback)
    {
        if (!_client.CanWatch(spec))
        {
            _logger.LogDebug("Hyperliquid stream {Key} for {User} not opened: the connection's limits are reached; REST answers for it", spec.Key, spec.User);
            return;
        }

        try
        {
            _watches.Add(_client.Watch(spec, callback));
        }
        catch (HyperliquidStreamException ex)
        {
            _logger.LogDebug(ex, "Hyperliquid stream {Key} not opened", spec.Key);
        }
    }

    private void Report(bool stream)
    {
        var now = stream ? 1 : 2;
        var before = Interlocked.Exchange(ref _priceSource, now);
        if (before == now)
        {
            return;
        }

        _metrics.PriceSource.Add(1, new KeyValuePair<string, object?>("to", stream ? "websocket" : "rest"));
        if (stream)
        {
            _logger.LogInformation("Hyperliquid prices now come from the WebSocket allMids stream");
        }
        else
        {
            _logger.LogWarning("Hyperliquid prices now come from REST allMids: the WebSocket is down or its mids are older than {MaxAge}", _options.StreamPriceMaxAge);
        }
    }
}
