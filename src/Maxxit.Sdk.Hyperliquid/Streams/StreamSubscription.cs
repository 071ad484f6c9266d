namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>One live subscription and its sinks; subscribed once per connection however many consumers share it.</summary>
internal sealed class StreamSubscription(StreamSpec spec)
{
    private readonly object _gate = new();
    private IStreamSink[] _sinks = [];

    public StreamSpec Spec { get; } = spec;

    /// <summary>The connection it was last subscribed on (guarded by the client's lock); -1 when not subscribed.</summary>
    public long ConnectionId { get; set; } = -1;

    /// <summary>For userFills: what was already delivered, so snapshots and gap fills never deliver a fill twice.</summary>
    public FillTracker? Fills { get; } = spec.Type == "userFills" ? new FillTracker() : null;

    public bool IsEmpty => Volatile.Read(ref _sinks).Length == 0;

    public void Add(IStreamSink sink)
    {
        lock (_gate)
        {
            _sinks = [.. _sinks, sink];
        }
    }

    public bool Remove(IStreamSink sink)
    {
        lock (_gate)
        {
            _sinks = [.. _sinks.Where(s => !ReferenceEquals(s, sink))];
            return _sinks.Length == 0;
        }
    }

    public void Deliver(object item)
    {
        foreach (var sink in Volatile.Read(ref _sinks))
        {
            if (!sink.Offer(item))
            {
                Remove(sink);
            }
        }
    }

    public void Complete(Exception? error)
    {
        foreach (var sink in Volatile.Read(ref _sinks))
        {
            sink.Complete(error);
        }
    }
}
