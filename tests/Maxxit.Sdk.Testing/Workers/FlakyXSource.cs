using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;

namespace Maxxit.Sdk.Testing.Workers;

/// <summary>An in-memory X source whose listed accounts fail while <see cref="Down"/> holds them.</summary>
public sealed class FlakyXSource(IXPostSource inner) : IXPostSource
{
    public HashSet<string> Down { get; } = [];

    public List<string> Reads { get; } = [];

    public Task<IReadOnlyList<XPost>> GetPostsAsync(string accountId, string? sinceId, CancellationToken cancellationToken)
    {
        lock (Reads)
        {
            Reads.Add(accountId);
            if (Down.Contains(accountId))
            {
                throw new SourceUnavailableException("x", $"account {accountId} is down (test)");
            }
        }

        return inner.GetPostsAsync(accountId, sinceId, cancellationToken);
    }
}
