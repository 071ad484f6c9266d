namespace Maxxit.Sdk.Signals;

/// <summary>Agent What: turns posts, research and market data into a trade idea that names no venue.</summary>
public interface ISignalGenerator
{
    /// <summary>Proposes a trade for the input's token, or returns null when the evidence is too weak.</summary>
    ValueTask<SignalIdea?> GenerateAsync(SignalInput input, CancellationToken cancellationToken);
}
