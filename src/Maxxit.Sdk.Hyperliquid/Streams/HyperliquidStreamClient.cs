using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Hyperliquid.Info;
using Maxxit.Sdk.Hyperliquid.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>
/// Hyperliquid's WebSocket API (<c>wss://api.hyperliquid.xyz/ws</c>, testnet <c>wss://api.hyperliquid-testnet.xyz/ws</c>)
/// as typed async streams over one <see cref="ClientWebSocket"/> that multiplexes every subscription.
/// <list type="bullet">
/// <item>Connects on the first subscription, pings (<c>{"method":"ping"}</c>) every
/// <see cref="HyperliquidOptions.StreamPingInterval"/> so the server's 60 s idle close never fires, and treats a
/// connection that delivered nothing for <see cref="HyperliquidOptions.StreamStaleTimeout"/> as dead.</item>
/// <item>Reconnects with jittered exponential back-off (longer after a 429 handshake) and subscribes everything again.</item>
/// <item>userFills: every fill is delivered once — the snapshot sent on each subscribe is de-duplicated, and the gap
/// of a reconnect is filled from <c>userFillsByTime</c> before live messages are read.</item>
/// <item>Each consumer has a bounded buffer (<see cref="HyperliquidOptions.StreamBufferCapacity"/>): market data drops
/// the oldest message when a consumer is slow; user data ends that consumer's stream with
/// <see cref="HyperliquidStreamException"/> instead of losing a message.</item>
/// <item>Hyperliquid's limits are checked before subscribing: at most 1,000 subscriptions and 10 users, one user for
/// orderUpdates and userEvents per connection (their messages name no user), and at most 2,000 messages sent a minute.</item>
/// </list>
/// </summary>
public sealed class HyperliquidStreamClient : IAsyncDisposable, IDisposable
{
    /// <summary>Hyperliquid's limit on subscriptions.</summary>
    public const int MaxSubscriptions = 1000;

    /// <summary>Hyperliquid's limit on unique users across user-specific subscriptions.</summary>
    public const int MaxUsers = 10;

    /// <summary>Hyperliquid's limit on messages sent per minute across connections.</summary>
    public const int MaxMessagesPerMinute = 2000;

    private static readonly byte[] Ping = """{"method":"ping"}"""u8.ToArray();

    private readonly HyperliquidOptions _options;
    private readonly HyperliquidInfoClient _info;
    private readonly TimeProvider _time;
    private readonly HyperliquidMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Func<ClientWebSocket> _newSocket;
    private readonly HyperliquidRateLimiter _sendBudget;
    private readonly object _gate = new();
    private readonly Dictionary<string, StreamSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _runner;
    private ClientWebSocket? _socket;
    private long _connectionId;
    private long _lastReceived;
    private long _lastSent;
    private volatile bool _connected;
    private volatile HyperliquidMids? _latestMids;
    private int _connects;
    private int _disposed;

    internal HyperliquidStreamClient(
        HyperliquidOptions options,
        HyperliquidInfoClient info,
        TimeProvider time,
        HyperliquidMetrics metrics,
        ILogger<HyperliquidStreamClient> logger,
        Func<ClientWebSocket>? newSocket = null)
    {
        _options = options;
        _info = info;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _newSocket = newSocket ?? (() => new ClientWebSocket());
        _sendBudget = new HyperliquidRateLimiter(MaxMessagesPerMinute, time);
        Url = options.EffectiveWebSocketUrl;
    }

    /// <summary>The WebSocket URL.</summary>
    public Uri Url { get; }

    /// <summary>Whether a connection is open now.</summary>
    public bool IsConnected => _connected;

    /// <summary>How many times a connection was opened (1 + reconnects).</summary>
    public int Connects => Volatile.Read(ref _connects);

    /// <summary>The last allMids message, or null before the first (or when no allMids subscription is open).</summary>
    public HyperliquidMids? LatestMids => _latestMids;

    /// <summary>Live subscriptions now.</summary>
    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>Mid prices of every coin, each time they change (<c>allMids</c>). Lossy: a slow consumer gets the latest.</summary>
    /// <param name="cancellationToken">Ends the stream (and unsubscribes when it was the last consumer).</param>
    /// <returns>The messages.</returns>
    public IAsyncEnumerable<HyperliquidMids> AllMidsAsync(CancellationToken cancellationToken = default) =>
        StreamAsync<HyperliquidMids>(StreamSpec.AllMids(), cancellationToken);

    /// <summary>A coin's book, each time it changes (<c>l2Book</c>). Lossy.</summary>
    /// <param name="coin">The coin, as Hyperliquid names it (e.g. <c>BTC</c>, <c>kPEPE</c>).</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The books.</returns>
    public IAsyncEnumerable<HyperliquidBook> L2BookAsync(string coin, CancellationToken cancellationToken = default) =>
        StreamAsync<HyperliquidBook>(StreamSpec.L2Book(coin), cancellationToken);

    /// <summary>A coin's best bid and offer when either changes (<c>bbo</c>). Lossy.</summary>
    /// <param name="coin">The coin.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The quotes.</returns>
    public IAsyncEnumerable<HyperliquidBbo> BboAsync(string coin, CancellationToken cancellationToken = default) =>
        StreamAsync<HyperliquidBbo>(StreamSpec.Bbo(coin), cancellationToken);

    /// <summary>A coin's public trades (<c>trades</c>). Lossy.</summary>
    /// <param name="coin">The coin.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The trades.</returns>
    public IAsyncEnumerable<HyperliquidTrade> TradesAsync(string coin, CancellationToken cancellationToken = default) =>
        StreamAsync<HyperliquidTrade>(StreamSpec.Trades(coin), cancellationToken);

    /// <summary>
    /// A user's fills from now on (<c>userFills</c>), each exactly once, also across reconnects (the gap is filled from
    /// <c>userFillsByTime</c>). Lossless: a consumer that falls a whole buffer behind gets <see cref="HyperliquidStreamException"/>.
    /// </summary>
    /// <param name="user">The account address.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The fills, oldest first within each message.</returns>
    public IAsyncEnumerable<HyperliquidFill> UserFillsAsync(string user, CancellationToken cancellationToken = default) =>
        StreamAsync<HyperliquidFill>(StreamSpec.UserFills(user), cancellationToken);

    /// <summary>Status changes of a user's orders (<c>orderUpdates</c>). One user per connection. Lossless.</summary>
    /// <param name="user">The account address.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The order states.</returns>
    public IAsyncEnumerable<HyperliquidOrderState> OrderUpdatesAsync(string user, CancellationToken cancellationToken = default) =>
        StreamAsync<HyperliquidOrderState>(StreamSpec.OrderUpdates(user), cancellationToken);

    /// <summary>A user's fills, funding, liquidations and non-user cancels (<c>userEvents</c>). One user per connection. Lossless.</summary>
    /// <param name="user">The account address.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The events.</returns>
    public IAsyncEnumerable<HyperliquidUserEvent> UserEventsAsync(string user, CancellationToken cancellationToken = default) =>
        StreamAsync<HyperliquidUserEvent>(StreamSpec.UserEvents(user), cancellationToken);

    /// <summary>Closes the connection and ends every stream.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_runner is { } runner)
        {
            try
            {
                await runner.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        StreamSubscription[] all;
        lock (_gate)
        {
            all = [.. _subscriptions.Values];
            _subscriptions.Clear();
        }

        foreach (var subscription in all)
        {
            subscription.Complete(null);
        }

        _stop.Dispose();
        _sendLock.Dispose();
    }

    /// <summary>Closes the connection and ends every stream (blocking; prefer <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Registers an internal listener (no buffer) and returns what removes it.</summary>
    internal IDisposable Watch<T>(StreamSpec spec, Action<T> callback)
    {
        var sink = new CallbackSink<T>(callback);
        var subscription = Attach(spec, sink);
        return new Detacher(this, subscription, sink);
    }

    /// <summary>Whether a subscription with this key is live (internal users check before adding one).</summary>
    internal bool CanWatch(StreamSpec spec)
    {
        lock (_gate)
        {
            return _subscriptions.ContainsKey(spec.Key) || CheckLimits(spec) is null;
        }
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(StreamSpec spec, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sink = new ChannelSink<T>(_options.StreamBufferCapacity, spec.IsUserData, spec.Key, () => _metrics.Dropped.Add(1, new KeyValuePair<string, object?>("stream", spec.Type)));
        var subscription = Attach(spec, sink);
        try
        {
            await foreach (var item in sink.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            Detach(subscription, sink);
        }
    }

    private StreamSubscription Attach(StreamSpec spec, IStreamSink sink)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        StreamSubscription? subscription;
        bool added;
        lock (_gate)
        {
            added = !_subscriptions.TryGetValue(spec.Key, out subscription);
            if (subscription is not null && subscription.Spec != spec)
            {
                throw new HyperliquidStreamException(
                    $"This connection already streams {spec.Type} for {subscription.Spec.User}; Hyperliquid's {spec.Type} messages name no user, "
                    + "so one connection can carry them for one user only. Use a second HyperliquidStreamClient for another user.");
            }

            if (subscription is null)
            {
                if (CheckLimits(spec) is { } refusal)
                {
                    throw new HyperliquidStreamException(refusal);
                }

                subscription = new StreamSubscription(spec);
                _subscriptions[spec.Key] = subscription;
            }

            subscription.Add(sink);
            _runner ??= Task.Run(() => RunAsync(_stop.Token));
        }

        if (added)
        {
            _ = SubscribeAsync(subscription, CancellationToken.None);
        }

        return subscription;
    }

    private string? CheckLimits(StreamSpec spec)
    {
        if (_subscriptions.Count >= MaxSubscriptions)
        {
            return $"Hyperliquid allows at most {MaxSubscriptions} WebSocket subscriptions; {_subscriptions.Count} are open.";
        }

        if (spec.User is { } user)
        {
            var users = _subscriptions.Values.Select(s => s.Spec.User).Where(u => u is not null).Append(user).Distinct().Count();
            if (users > MaxUsers)
            {
                return $"Hyperliquid allows user-specific WebSocket subscriptions for at most {MaxUsers} users; {user} would be the {users}th.";
            }
        }

        return null;
    }

    private void Detach(StreamSubscription subscription, IStreamSink sink)
    {
        var last = false;
        lock (_gate)
        {
            if (subscription.Remove(sink) && _subscriptions.TryGetValue(subscription.Spec.Key, out var current) && ReferenceEquals(current, subscription))
            {
                _subscriptions.Remove(subscription.Spec.Key);
                last = true;
            }
        }

        if (last && _connected && !_stop.IsCancellationRequested)
        {
            _ = SendSafelyAsync(subscription.Spec.Message("unsubscribe"));
        }
    }

    private async Task SubscribeAsync(StreamSubscription subscription, CancellationToken cancellationToken)
    {
        ClientWebSocket? socket;
        lock (_gate)
        {
            socket = _socket;
            if (socket is null || subscription.ConnectionId == _connectionId)
            {
                return;
            }

            subscription.ConnectionId = _connectionId;
        }

        try
        {
            await SendAsync(socket, subscription.Spec.Message("subscribe"), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The connection dropped; the next one subscribes everything again.
            _logger.LogDebug(ex, "Hyperliquid subscribe {Key} not sent", subscription.Spec.Key);
        }
    }

    private async Task SendSafelyAsync(byte[] message)
    {
        var socket = _socket;
        if (socket is null)
        {
            return;
        }

        try
        {
            await SendAsync(socket, message, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            _logger.LogDebug(ex, "Hyperliquid WebSocket message not sent");
        }
    }

    private async Task SendAsync(ClientWebSocket socket, byte[] message, CancellationToken cancellationToken)
    {
        // Hyperliquid counts messages sent per minute across connections; pings and subscriptions share the budget.
        await _sendBudget.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastSent, _time.GetTimestamp());
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            var throttled = false;
            var delivered = false;
            var socket = _newSocket();
            try
            {
                socket.Options.CollectHttpResponseDetails = true;
                using (var connectTimeout = new CancellationTokenSource(_options.RequestTimeout, _time))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, connectTimeout.Token))
                {
                    await socket.ConnectAsync(Url, linked.Token).ConfigureAwait(false);
                }

                long connectionId;
                lock (_gate)
                {
                    _socket = socket;
                    connectionId = ++_connectionId;
                }

                _connected = true;
                Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                if (Interlocked.Increment(ref _connects) > 1)
                {
                    _metrics.Reconnects.Add(1);
                }

                _logger.LogInformation("Hyperliquid WebSocket connected to {Url} (connection {Connection})", Url, connectionId);
                foreach (var subscription in Snapshot())
                {
                    await SubscribeAsync(subscription, stop).ConfigureAwait(false);
                }

                // Fill the gap of a reconnect before reading the new connection's messages, so fills stay in time order.
                await ReconcileFillsAsync(stop).ConfigureAwait(false);

                using var beat = CancellationTokenSource.CreateLinkedTokenSource(stop);
                var heartbeat = HeartbeatAsync(socket, beat.Token);
                try
                {
                    delivered = await ReceiveAsync(socket, stop).ConfigureAwait(false);
                }
                finally
                {
                    await beat.CancelAsync().ConfigureAwait(false);
                    await heartbeat.ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                throttled = socket.HttpStatusCode == HttpStatusCode.TooManyRequests;
                _logger.LogWarning(
                    "Hyperliquid WebSocket {Url} {What}: {Error}",
                    Url,
                    throttled ? "refused the connection with 429" : "dropped",
                    ex.Message);
            }
            finally
            {
                _connected = false;
                lock (_gate)
                {
                    if (ReferenceEquals(_socket, socket))
                    {
                        _socket = null;
                    }

                    foreach (var subscription in _subscriptions.Values)
                    {
                        subscription.ConnectionId = -1;
                    }
                }

                await CloseAsync(socket).ConfigureAwait(false);
            }

            if (stop.IsCancellationRequested)
            {
                break;
            }

            failures = delivered ? 1 : failures + 1;
            var delay = Backoff(failures, throttled);
            _logger.LogInformation("Hyperliquid WebSocket reconnects in {Delay}", delay);
            try
            {
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private TimeSpan Backoff(int failures, bool throttled)
    {
        var exponent = Math.Min(failures - 1, 16);
        var ceiling = Math.Min(_options.StreamReconnectMaxDelay.TotalMilliseconds, _options.StreamReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        if (throttled)
        {
            // A 429 on the handshake: Hyperliquid also limits new connections per minute, so wait out a good part of it.
            ceiling = Math.Max(ceiling, _options.StreamReconnectMaxDelay.TotalMilliseconds);
        }

        // Jitter in [50 %, 100 %] so that many clients dropped at once do not reconnect in step.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    private async Task HeartbeatAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Math.Min(_options.StreamPingInterval.Ticks, _options.StreamStaleTimeout.Ticks) / 10));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(tick, _time, cancellationToken).ConfigureAwait(false);
                var now = _time.GetTimestamp();
                if (_time.GetElapsedTime(Volatile.Read(ref _lastReceived), now) > _options.StreamStaleTimeout)
                {
                    _logger.LogWarning("Hyperliquid WebSocket delivered nothing for {Timeout}; reconnecting", _options.StreamStaleTimeout);
                    socket.Abort();
                    return;
                }

                if (_time.GetElapsedTime(Volatile.Read(ref _lastSent), now) >= _options.StreamPingInterval)
                {
                    await SendAsync(socket, Ping, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop sees the same failure and reconnects.
        }
    }

    private async Task<bool> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var delivered = false;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var message = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _logger.LogInformation("Hyperliquid WebSocket closed by the server: {Status}", socket.CloseStatusDescription ?? socket.CloseStatus?.ToString());
                    return delivered;
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                delivered |= Dispatch(message.WrittenSpan);
                message.ResetWrittenCount();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Routes one message to its subscription; true when it carried data.</summary>
    internal bool Dispatch(ReadOnlySpan<byte> message)
    {
        try
        {
            if (!HyperliquidStreamParser.TryReadEnvelope(message, out var channel, out var range))
            {
                _logger.LogDebug("Hyperliquid WebSocket message without channel: {Message}", Truncate(message));
                return false;
            }

            var data = message[range];
            switch (channel)
            {
                case "pong":
                case "subscriptionResponse":
                    return false;
                case "error":
                    _logger.LogWarning("Hyperliquid WebSocket error: {Message}", Truncate(data));
                    return false;
                case "allMids":
                    var mids = new HyperliquidMids(HyperliquidStreamParser.ParseAllMids(data), _time.GetUtcNow());
                    _latestMids = mids;
                    Find("allMids")?.Deliver(mids);
                    return true;
                case "l2Book":
                    var book = HyperliquidStreamParser.ParseBook(data);
                    Find("l2Book:" + book.Coin)?.Deliver(book);
                    return true;
                case "bbo":
                    var bbo = HyperliquidStreamParser.ParseBbo(data);
                    Find("bbo:" + bbo.Coin)?.Deliver(bbo);
                    return true;
                case "trades":
                    var trades = HyperliquidStreamParser.ParseTrades(data);
                    if (trades.Count > 0 && Find("trades:" + trades[0].Coin) is { } tradesSubscription)
                    {
                        foreach (var trade in trades)
                        {
                            tradesSubscription.Deliver(trade);
                        }
                    }

                    return true;
                case "userFills":
                    var (user, isSnapshot, fills) = HyperliquidStreamParser.ParseUserFills(data);
                    if (Find("userFills:" + user) is { Fills: { } tracker } fillsSubscription)
                    {
                        foreach (var fill in tracker.Accept(fills, isSnapshot))
                        {
                            fillsSubscription.Deliver(fill);
                        }
                    }

                    return true;
                case "orderUpdates":
                    if (Find("orderUpdates") is { } ordersSubscription)
                    {
                        foreach (var update in HyperliquidStreamParser.ParseOrderUpdates(data))
                        {
                            ordersSubscription.Deliver(update);
                        }
                    }

                    return true;
                case "user":
                    Find("userEvents")?.Deliver(HyperliquidStreamParser.ParseUserEvent(data));
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            _logger.LogWarning(ex, "Hyperliquid WebSocket message not understood: {Message}", Truncate(message));
            return false;
        }
    }

    private async Task ReconcileFillsAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in Snapshot())
        {
            if (subscription.Fills is not { Primed: true } tracker || subscription.Spec.User is not { } user)
            {
                continue;
            }

            try
            {
                // At most five pages of 2,000: a longer gap than that is beyond what the exchange keeps (10,000 fills).
                for (var page = 0; page < 5; page++)
                {
                    var fills = await _info.GetUserFillsByTimeAsync(user, tracker.LastTime, cancellationToken: cancellationToken).ConfigureAwait(false);
                    var fresh = tracker.Accept(fills, isSnapshot: false);
                    foreach (var fill in fresh)
                    {
                        subscription.Deliver(fill);
                    }

                    if (fills.Count < 2000 || fresh.Count == 0)
                    {
                        break;
                    }
                }
            }
            catch (MaxxitException ex)
            {
                // The snapshot the new subscription sends still covers the most recent fills.
                _logger.LogWarning(ex, "Hyperliquid fills of {User} since {Since} could not be read after a reconnect", user, tracker.LastTime);
            }
        }
    }

    private StreamSubscription? Find(string key)
    {
        lock (_gate)
        {
            return _subscriptions.GetValueOrDefault(key);
        }
    }

    private StreamSubscription[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _subscriptions.Values];
        }
    }

    private async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            _logger.LogDebug(ex, "Hyperliquid WebSocket close failed");
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static string Truncate(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 300)]);

    private sealed class Detacher(HyperliquidStreamClient client, StreamSubscription subscription, IStreamSink sink) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                client.Detach(subscription, sink);
            }
        }
    }
}
