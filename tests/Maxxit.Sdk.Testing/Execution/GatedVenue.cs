using System.Collections.Concurrent;
using Maxxit.Sdk.Markets;
using Maxxit.Sdk.Venues;
using Maxxit.Sdk.Venues.Paper;

namespace Maxxit.Sdk.Testing.Execution;

/// <summary>A venue that holds every order until released, answers a repeated client order id with the first fill, and counts what is in flight.</summary>
public sealed class GatedVenue : IVenueAdapter
{
    private readonly SemaphoreSlim _release = new(0);
    private readonly ConcurrentDictionary<string, Lazy<Task<OrderResult>>> _fills = new();
    private readonly Lock _waitersLock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _inFlight;
    private int _maxInFlight;
    private int _entered;

    public Venue Venue => Venue.Hyperliquid;

    public ConcurrentQueue<string> Orders { get; } = new();

    public ConcurrentDictionary<string, byte> Filled { get; } = new();

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void Release(int count) => _release.Release(count);

    /// <summary>Completes once <paramref name="count"/> orders have arrived (and, until released, are held in flight).</summary>
    public Task WaitForOrdersAsync(int count)
    {
        lock (_waitersLock)
        {
            if (_entered >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public ValueTask<IReadOnlyList<MarketInfo>> GetMarketsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(PaperMarketData.For(Venue.Hyperliquid));

    public async ValueTask<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        Orders.Enqueue(request.ClientOrderId);
        var now = Interlocked.Increment(ref _inFlight);
        lock (_waitersLock)
        {
            _entered++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _entered).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            // Bounded, so that a test that forgets to release fails instead of hanging the run.
            if (!await _release.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken))
            {
                throw new TimeoutException($"order {request.ClientOrderId} was never released");
            }

            // The venue deduplicates by client order id: a repeat gets the first order's fill.
            return await _fills.GetOrAdd(request.ClientOrderId, id => new Lazy<Task<OrderResult>>(() =>
            {
                Filled[id] = 1;
                return Task.FromResult(new OrderResult { Status = OrderStatus.Filled, VenueOrderId = "v-" + id[2..10], FilledQuantity = 1m, AveragePrice = 3000m, Leverage = 2m, CollateralUsd = 1500m });
            })).Value;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public ValueTask<VenueHealth> GetHealthAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new VenueHealth(true));
}
