using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Sources;

/// <summary>Where research institutes' calls come from: the HTTP JSON feed, the in-memory source, or your own.</summary>
public interface IResearchSource
{
    /// <summary>An institute's calls published after <paramref name="after"/> (all recent ones when null), oldest first.</summary>
    /// <param name="instituteId">The institute.</param>
    /// <param name="after">The last item already consumed, or null.</param>
    /// <param name="cancellationToken">Cancels the read; nothing is consumed then.</param>
    /// <exception cref="SourceUnavailableException">The source could not be read.</exception>
    Task<IReadOnlyList<ResearchSignal>> GetResearchAsync(string instituteId, ResearchPosition? after, CancellationToken cancellationToken);
}
