using System.Threading.Channels;

namespace Maxxit.Sdk.Hyperliquid.Streams;

/// <summary>Where a subscription's messages go: a consumer's bounded buffer, or an internal callback.</summary>
internal interface IStreamSink
{
    /// <summary>Hands one item over; false when the sink is done (faulted or closed) and must be removed.</summary>
    bool Offer(object item);

    void Complete(Exception? error);
}

/// <summary>
/// A consumer's bounded buffer. Market data (lossy): when full, the oldest message is dropped and counted — only the
/// latest price or book matters. User data (lossless: fills, order updates, user events): when full, the stream ends
/// with <see cref="HyperliquidStreamException"/> rather than silently lose a fill; the consumer subscribes again.
/// </summary>
internal sealed class ChannelSink<T> : IStreamSink
{
    private readonly Channel<T> _channel;
    private readonly bool _lossless;
    private readonly string _key;

    public ChannelSink(int capacity, bool lossless, string key, Action onDropped)
    {
        _lossless = lossless;
        _key = key;
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = lossless ? BoundedChannelFullMode.Wait : BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        };
        _channel = lossless ? Channel.CreateBounded<T>(options) : Channel.CreateBounded<T>(options, _ => onDropped());
    }

    public ChannelReader<T> Reader => _channel.Reader;

    public bool Offer(object item)
    {
        if (item is not T typed)
        {
            return true;
        }

        if (_channel.Writer.TryWrite(typed))
        {
            return true;
        }

        if (_lossless)
        {
            _channel.Writer.TryComplete(new HyperliquidStreamException(
                $"The consumer of the Hyperliquid stream {_key} fell more than its buffer behind; the stream was ended rather than lose a message. "
                + "Read faster or raise HyperliquidOptions.StreamBufferCapacity, and subscribe again (userFills then resumes without gaps from the exchange's history)."));
        }

        return !_lossless;
    }

    public void Complete(Exception? error) => _channel.Writer.TryComplete(error);
}

/// <summary>An internal listener (the venue's price and order caches): called on the receive loop, must not block.</summary>
internal sealed class CallbackSink<T>(Action<T> callback) : IStreamSink
{
    public bool Offer(object item)
    {
        if (item is T typed)
        {
            callback(typed);
        }

        return true;
    }

    public void Complete(Exception? error)
    {
    }
}
