using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Sources;

/// <summary>Where an agent's X posts come from: the X API client, the in-memory source, or your own.</summary>
public interface IXPostSource
{
    /// <summary>
    /// Posts of one account newer than <paramref name="sinceId"/> (all recent posts when null), oldest first.
    /// </summary>
    /// <param name="accountId">The X account (user) id.</param>
    /// <param name="sinceId">The newest post id already consumed, or null.</param>
    /// <param name="cancellationToken">Cancels the read; nothing is consumed then.</param>
    /// <exception cref="SourceUnavailableException">The source could not be read.</exception>
    Task<IReadOnlyList<XPost>> GetPostsAsync(string accountId, string? sinceId, CancellationToken cancellationToken);
}
