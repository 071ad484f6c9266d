using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Maxxit.Sdk.Hyperliquid.Tests.Fakes;

/// <summary>
/// The fake venue's WebSocket endpoint (/ws) with the real message shapes: subscriptionResponse, a snapshot on subscribe
/// (allMids; userFills with isSnapshot), pong for ping, and live messages pushed by the fake exchange. It can drop every
/// connection, stall (answer nothing, not even pongs) and refuse handshakes with 429.
/// </summary>
internal sealed class FakeStreamHub
{
    private readonly ConcurrentDictionary<int, Connection> _connections = new();
    private readonly ConcurrentQueue<string> _received = new();
    private int _nextId;
    private int _rejectHandshakes;
    private int _accepted;

    public Func<string, JsonArray> SnapshotFills { get; set; } = _ => [];

    public Func<JsonObject> SnapshotMids { get; set; } = () => [];

    /// <summary>When true, nothing is sent: no pongs, no data (a stalled connection).</summary>
    public bool Stalled { get; set; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Connections open now.</summary>
    public int Open => _connections.Count;

    /// <summary>Every message the clients sent, in arrival order.</summary>
    public IReadOnlyList<string> Received => [.. _received];

    public void RejectNextHandshakes(int count) => Volatile.Write(ref _rejectHandshakes, count);

    /// <summary>The subscription keys of the open connections.</summary>
    public IReadOnlyList<string> Subscriptions => [.. _connections.Values.SelectMany(c => c.Keys.Keys)];

    /// <summary>Drops every connection mid-stream, without a close handshake.</summary>
    public void DropAll()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Context.Abort();
        }
    }

    /// <summary>Sends a message to every connection subscribed to the key (for that user, when given), unless stalled.</summary>
    public void Publish(string key, JsonNode message, string? user = null)
    {
        var text = message.ToJsonString();
        foreach (var connection in _connections.Values.Where(c => c.Keys.TryGetValue(key, out var u) && (user is null || u == user)))
        {
            connection.Send(text, this);
        }
    }

    public void PublishRaw(string key, string text)
    {
        foreach (var connection in _connections.Values.Where(c => c.Keys.ContainsKey(key)))
        {
            connection.Send(text, this);
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (Interlocked.Decrement(ref _rejectHandshakes) >= 0)
        {
            context.Response.StatusCode = 429;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _accepted);
        var connection = new Connection(Interlocked.Increment(ref _nextId), socket, context);
        _connections[connection.Id] = connection;
        var sender = connection.RunSenderAsync();
        try
        {
            var buffer = new byte[16 * 1024];
            while (socket.State == WebSocketState.Open)
            {
                var text = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);

                _received.Enqueue(text.ToString());
                Handle(connection, text.ToString());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped.
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            connection.Outbox.Writer.TryComplete();
            await sender;
        }
    }

    private void Handle(Connection connection, string text)
    {
        var message = JsonNode.Parse(text)!.AsObject();
        var method = (string?)message["method"];
        if (method == "ping")
        {
            connection.Send("""{"channel":"pong"}""", this);
            return;
        }

        var subscription = message["subscription"]!.AsObject();
        var type = (string)subscription["type"]!;
        var key = type switch
        {
            "allMids" => "allMids",
            "l2Book" or "bbo" or "trades" => type + ":" + (string)subscription["coin"]!,
            "userFills" => "userFills:" + ((string)subscription["user"]!).ToLowerInvariant(),
            _ => type,
        };
        if (method == "unsubscribe")
        {
            connection.Keys.TryRemove(key, out _);
            return;
        }

        connection.Keys[key] = ((string?)subscription["user"])?.ToLowerInvariant() ?? "";
        connection.Send(new JsonObject { ["channel"] = "subscriptionResponse", ["data"] = message.DeepClone() }.ToJsonString(), this);
        if (type == "allMids")
        {
            connection.Send(new JsonObject { ["channel"] = "allMids", ["data"] = new JsonObject { ["mids"] = SnapshotMids() } }.ToJsonString(), this);
        }
        else if (type == "userFills")
        {
            var user = ((string)subscription["user"]!).ToLowerInvariant();
            connection.Send(new JsonObject
            {
                ["channel"] = "userFills",
                ["data"] = new JsonObject { ["isSnapshot"] = true, ["user"] = user, ["fills"] = SnapshotFills(user) },
            }.ToJsonString(), this);
        }
    }

    private sealed class Connection(int id, WebSocket socket, HttpContext context)
    {
        public int Id { get; } = id;

        public HttpContext Context { get; } = context;

        public ConcurrentDictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

        public Channel<string> Outbox { get; } = Channel.CreateUnbounded<string>();

        public void Send(string text, FakeStreamHub hub)
        {
            if (!hub.Stalled)
            {
                Outbox.Writer.TryWrite(text);
            }
        }

        public async Task RunSenderAsync()
        {
            try
            {
                await foreach (var text in Outbox.Reader.ReadAllAsync())
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
            {
                // The connection is gone.
            }
        }
    }
}
