using System.Collections.Concurrent;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Markets;

namespace Maxxit.Sdk.Venues.Paper;

/// <summary>The paper venue's position side: prices from the feed, closes filled at the current price.</summary>
public sealed partial class PaperVenueAdapter : IPositionVenue
{
    // Open paper positions by the client order id of the order that opened them.
    private readonly ConcurrentDictionary<string, PaperPosition> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<CloseResult>> _closes = new(StringComparer.Ordinal);
    private long _nextCloseId;

    /// <summary>Distinct closes filled (repeats of a close's client order id are not counted).</summary>
    public int ClosesFilled => _closes.Values.Count(c => c.IsValueCreated);

    /// <summary>Paper positions still open, over all deployments.</summary>
    public int OpenPositionCount => _open.Count;

    /// <inheritdoc />
    public ValueTask<decimal?> GetPriceAsync(MarketInfo market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_prices.GetPrice(Venue, market.Symbol));
    }

    /// <inheritdoc />
    public ValueTask<CloseResult> ClosePositionAsync(CloseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var close = _closes.GetOrAdd(request.ClientOrderId, _ => new Lazy<CloseResult>(() => Close(request)));
        try
        {
            return ValueTask.FromResult(close.Value);
        }
        catch
        {
            // A refused close is not remembered, so that a later retry is judged afresh.
            _closes.TryRemove(new KeyValuePair<string, Lazy<CloseResult>>(request.ClientOrderId, close));
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<VenuePosition>> GetOpenPositionsAsync(AgentDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<VenuePosition> positions = _open.Values
            .Where(p => p.DeploymentId == deployment.Id)
            .Select(p => new VenuePosition(p.Symbol, p.Side, p.Quantity, p.EntryPrice, p.VenueOrderId))
            .ToList();
        return ValueTask.FromResult(positions);
    }

    /// <summary>
    /// Closes a deployment's paper positions in a market as if the user had closed them on the venue's own interface,
    /// without the SDK knowing: the case reconciliation marks EXTERNAL. Returns how many were closed.
    /// </summary>
    public int CloseOutsideSdk(Guid deploymentId, string symbol)
    {
        var closed = 0;
        foreach (var (key, position) in _open)
        {
            if (position.DeploymentId == deploymentId && position.Symbol == symbol && _open.TryRemove(key, out _))
            {
                closed++;
            }
        }

        return closed;
    }

    private CloseResult Close(CloseRequest request)
    {
        var position = request.Position;
        if (!_open.TryRemove(position.ClientOrderId, out var open))
        {
            throw new PositionNotOnVenueException(Venue, $"no open position for order {position.ClientOrderId}", "it was closed already or never opened on this venue");
        }

        var price = _prices.GetPrice(Venue, request.Market.Symbol);
        if (price is not { } exit)
        {
            _open[position.ClientOrderId] = open;
            throw new VenueException(Venue, $"paper venue has no price for {request.Market.Symbol}");
        }

        return new CloseResult(
            $"paper-{Venue.Name.ToLowerInvariant()}-close-{Interlocked.Increment(ref _nextCloseId)}",
            exit,
            open.Quantity,
            Math.Round(open.Quantity * exit * _feeRate, 6));
    }

    private sealed record PaperPosition(Guid DeploymentId, string Symbol, TradeSide Side, decimal Quantity, decimal EntryPrice, string VenueOrderId);
}
