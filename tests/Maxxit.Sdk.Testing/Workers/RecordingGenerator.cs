using System.Collections.Concurrent;
using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Testing.Workers;

/// <summary>Wraps a generator and records every input it was given; optionally holds a token's generation until released.</summary>
public sealed class RecordingGenerator(ISignalGenerator inner) : ISignalGenerator
{
    public ConcurrentQueue<SignalInput> Inputs { get; } = new();

    /// <summary>When set, generation for this token waits for <see cref="Release"/> (or cancellation).</summary>
    public string? HoldToken { get; set; }

    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask<SignalIdea?> GenerateAsync(SignalInput input, CancellationToken cancellationToken)
    {
        Inputs.Enqueue(input);
        if (input.TokenSymbol == HoldToken)
        {
            Held.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }

        return await inner.GenerateAsync(input, cancellationToken);
    }
}
