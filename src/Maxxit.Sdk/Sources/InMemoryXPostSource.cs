using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Sources;

/// <summary>An X source held in memory: add posts, and the worker reads them like timeline posts. Thread-safe.</summary>
public sealed class InMemoryXPostSource : IXPostSource
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedList<string, XPost>> _byAccount = new(StringComparer.Ordinal);

    /// <summary>Adds posts (a post with an id already present replaces it).</summary>
    public void Add(params IEnumerable<XPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        lock (_lock)
        {
            foreach (var post in posts)
            {
                if (!_byAccount.TryGetValue(post.AuthorId, out var list))
                {
                    _byAccount[post.AuthorId] = list = new SortedList<string, XPost>(PostIds.Comparer);
                }

                list[post.Id] = post;
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<XPost>> GetPostsAsync(string accountId, string? sinceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<XPost> result = _byAccount.TryGetValue(accountId, out var list)
                ? list.Values.Where(p => PostIds.IsNewer(p.Id, sinceId)).ToArray()
                : [];
            return Task.FromResult(result);
        }
    }
}
