using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Maxxit.Sdk.Tests.Signals;

/// <summary>An IChatClient answering from a script (text, or an exception to throw) and recording what it was sent.</summary>
internal sealed class FakeChatClient : IChatClient
{
    private readonly ConcurrentQueue<Func<string>> _replies = new();

    public ConcurrentQueue<(List<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = new();

    public FakeChatClient Reply(string text)
    {
        _replies.Enqueue(() => text);
        return this;
    }

    public FakeChatClient Fail(Exception error)
    {
        _replies.Enqueue(() => throw error);
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((messages.ToList(), options));
        var next = _replies.TryDequeue(out var reply) ? reply : () => throw new InvalidOperationException("no scripted reply");
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, next())));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
