using System.Collections.Concurrent;
using System.Numerics;

namespace Maxxit.Sdk.Ostium.Orders;

/// <summary>Orders waiting for their timeout call, one entry per order id.</summary>
internal sealed class OstiumTimeoutQueue
{
    private readonly ConcurrentDictionary<BigInteger, OstiumTimeoutRequest> _due = new();

    public void Add(OstiumTimeoutRequest request) => _due.TryAdd(request.OrderId, request);

    public List<OstiumTimeoutRequest> Take()
    {
        var taken = new List<OstiumTimeoutRequest>();
        foreach (var id in _due.Keys)
        {
            if (_due.TryRemove(id, out var request))
            {
                taken.Add(request);
            }
        }

        return taken;
    }
}
