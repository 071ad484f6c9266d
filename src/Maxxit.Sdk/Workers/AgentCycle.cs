using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Execution;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sdk.Workers;

/// <summary>
/// One agent's turn: read what is new since its cursor, group by token, generate, then store the signals and the
/// advanced cursor in one transaction, and execute them. Until the store call nothing is consumed, so a failure or a
/// stop before it simply means the same items are read again next time.
/// </summary>
internal sealed class AgentCycle(
    ISignalStore store,
    IXPostSource posts,
    IResearchSource research,
    IMarketContextProvider market,
    ITokenMentionExtractor mentions,
    IMarketCatalog catalog,
    ISignalGenerator generator,
    ITradeExecutor executor,
    SignalWorkerOptions options,
    TimeProvider time,
    WorkerMetrics metrics,
    ILogger logger)
{
    public async Task<AgentCycleResult> RunAsync(Agent agent, CancellationToken stop)
    {
        var cursor = await store.GetCursorAsync(agent.Id, stop).ConfigureAwait(false);
        var positions = new Dictionary<string, string>(cursor.Positions, StringComparer.Ordinal);
        var newPosts = await ReadPostsAsync(agent, positions, stop).ConfigureAwait(false);
        var newResearch = await ReadResearchAsync(agent, positions, stop).ConfigureAwait(false);
        if (newPosts.Count == 0 && newResearch.Count == 0)
        {
            return new AgentCycleResult(agent.Id, 0, 0, [], 0, null);
        }

        metrics.PostsRead(newPosts.Count);
        metrics.ResearchRead(newResearch.Count);
        var groups = Group(agent, newPosts, newResearch);
        var contexts = await MarketContextsAsync(agent, groups.Keys, stop).ConfigureAwait(false);
        var signals = new List<Signal>();
        foreach (var (token, (tokenPosts, tokenResearch)) in groups)
        {
            var input = new SignalInput(agent, token, tokenPosts, tokenResearch, contexts.GetValueOrDefault(token));
            var idea = await generator.GenerateAsync(input, stop).ConfigureAwait(false);
            if (idea is null)
            {
                metrics.Skipped("no_signal");
                logger.LogDebug("Agent {AgentId}: no signal for {Token} from {Posts} posts and {Research} research calls", agent.Id, token, tokenPosts.Count, tokenResearch.Count);
            }
            else if (Validate(agent, idea) is { } signal)
            {
                signals.Add(signal);
            }
            else
            {
                metrics.Skipped("invalid_idea");
            }
        }

        // From here on the batch is in flight: a stop request no longer interrupts it, so the signals and the cursor are
        // written together and every stored signal is executed.
        await store.CreateSignalsWithCursorAsync(signals, new SourceCursor(agent.Id, positions), CancellationToken.None).ConfigureAwait(false);
        metrics.SignalsGenerated(signals.Count);
        foreach (var signal in signals)
        {
            logger.LogInformation("Agent {AgentId}: signal {SignalId} {Side} {Token} size {Size} % confidence {Confidence} from {Posts} posts and {Research} research calls", agent.Id, signal.Id, signal.Side.ToString().ToUpperInvariant(), signal.TokenSymbol, signal.SizeModel.AccountPercent, signal.Confidence, signal.SourceTweets.Count, signal.SourceResearch.Count);
        }

        var executed = options.ExecuteSignals ? await ExecuteAsync(signals).ConfigureAwait(false) : 0;
        return new AgentCycleResult(agent.Id, newPosts.Count, newResearch.Count, signals.Select(s => s.Id).ToArray(), executed, null);
    }

    private async Task<List<XPost>> ReadPostsAsync(Agent agent, Dictionary<string, string> positions, CancellationToken stop)
    {
        var result = new List<XPost>();
        foreach (var account in agent.XAccountIds.Distinct(StringComparer.Ordinal))
        {
            var key = "x:" + account;
            var since = positions.GetValueOrDefault(key);
            var read = await posts.GetPostsAsync(account, since, stop).ConfigureAwait(false);

            // Guard against sources that ignore since_id or repeat a post: only what is newer than the cursor counts.
            var fresh = read.Where(p => PostIds.IsNewer(p.Id, since)).DistinctBy(p => p.Id).ToList();
            if (fresh.Count > 0)
            {
                positions[key] = fresh.Select(p => p.Id).Max(PostIds.Comparer)!;
                result.AddRange(fresh);
            }
        }

        return result;
    }

    private async Task<List<ResearchSignal>> ReadResearchAsync(Agent agent, Dictionary<string, string> positions, CancellationToken stop)
    {
        var result = new List<ResearchSignal>();
        foreach (var institute in agent.ResearchInstituteIds.Distinct(StringComparer.Ordinal))
        {
            var key = "research:" + institute;
            var after = ResearchPosition.Parse(positions.GetValueOrDefault(key));
            var read = await research.GetResearchAsync(institute, after, stop).ConfigureAwait(false);
            var fresh = read.Where(r => ResearchPosition.IsAfter(r, after)).DistinctBy(r => r.Id).ToList();
            if (fresh.Count > 0)
            {
                positions[key] = fresh.Select(ResearchPosition.Of).Max().Format();
                result.AddRange(fresh);
            }
        }

        return result;
    }

    private Dictionary<string, (List<XPost> Posts, List<ResearchSignal> Research)> Group(Agent agent, List<XPost> newPosts, List<ResearchSignal> newResearch)
    {
        var groups = new Dictionary<string, (List<XPost>, List<ResearchSignal>)>(StringComparer.Ordinal);
        var oldest = options.MaxItemAge is { } age ? time.GetUtcNow() - age : DateTimeOffset.MinValue;
        foreach (var post in newPosts)
        {
            if (post.CreatedAt < oldest)
            {
                metrics.Skipped("stale");
                continue;
            }

            var tokens = mentions.Extract(post.Text);
            if (tokens.Count == 0)
            {
                metrics.Skipped("no_token");
            }

            foreach (var token in tokens)
            {
                GroupFor(groups, token).Item1.Add(post);
            }
        }

        foreach (var item in newResearch)
        {
            if (item.CreatedAt < oldest)
            {
                metrics.Skipped("stale");
                continue;
            }

            var token = item.TokenSymbol.ToUpperInvariant();
            if (catalog.IsListedAnywhere(token))
            {
                GroupFor(groups, token).Item2.Add(item);
            }
            else
            {
                metrics.Skipped("token_not_listed");
                logger.LogInformation("Agent {AgentId}: research {ResearchId} is on {Token}, which no venue lists", agent.Id, item.Id, token);
            }
        }

        return groups;
    }

    private static (List<XPost>, List<ResearchSignal>) GroupFor(Dictionary<string, (List<XPost>, List<ResearchSignal>)> groups, string token)
    {
        if (!groups.TryGetValue(token, out var group))
        {
            groups[token] = group = ([], []);
        }

        return group;
    }

    private async Task<IReadOnlyDictionary<string, MarketContext>> MarketContextsAsync(Agent agent, IReadOnlyCollection<string> tokens, CancellationToken stop)
    {
        if (tokens.Count == 0)
        {
            return new Dictionary<string, MarketContext>();
        }

        try
        {
            return await market.GetContextsAsync(tokens, stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Context only tunes the stop distance; generating without it beats skipping the agent.
            logger.LogWarning(ex, "Agent {AgentId}: market context unavailable; generating without it", agent.Id);
            return new Dictionary<string, MarketContext>();
        }
    }

    private async Task<int> ExecuteAsync(List<Signal> signals)
    {
        var executed = 0;
        foreach (var signal in signals)
        {
            try
            {
                var result = await executor.ExecuteAsync(signal.Id, CancellationToken.None).ConfigureAwait(false);
                executed++;
                logger.LogInformation("Signal {SignalId} {Token}: {Status} on {Venue}{Reason}", signal.Id, signal.TokenSymbol, result.Status.ToString().ToUpperInvariant(), result.FinalVenue?.Name ?? "no venue", result.Reason is null ? string.Empty : " (" + result.Reason + ")");
            }
            catch (Exception ex)
            {
                // The signal stays PENDING (or claimed under a lease) and is picked up again by ResumePendingSignals.
                logger.LogError(ex, "Signal {SignalId} {Token}: execution failed; it will be resumed", signal.Id, signal.TokenSymbol);
            }
        }

        return executed;
    }

    /// <summary>The idea as a signal, checked by the same validator as a manual signal; null (and a warning) when it breaks a rule.</summary>
    private Signal? Validate(Agent agent, SignalIdea idea)
    {
        try
        {
            return SignalValidator.ToSignal(idea, agent.Id, time.GetUtcNow());
        }
        catch (MaxxitValidationException ex)
        {
            logger.LogWarning("Agent {AgentId}: generator proposed an invalid signal for {Token}, dropped: {Field} {Reason}", agent.Id, idea.TokenSymbol, ex.Field, ex.Reason);
            return null;
        }
    }
}
