using System.Runtime.CompilerServices;
using Maxxit.Sdk.Routing.Costs;

namespace Maxxit.Sdk.Routing;

/// <summary>What BEST_EXECUTION found for one venue, stored inline in the decision.</summary>
internal struct VenueSlot
{
    public VenueRouteStatus Status;
    public bool Checked;
    public VenueCostEstimate Cost;
    public double AgeSeconds;
    public string? CarryName;

    public readonly VenueRoutingDetail ToDetail(bool listed)
    {
        var age = double.IsNaN(AgeSeconds) ? (double?)null : Math.Round(AgeSeconds, 3);
        if (Status != VenueRouteStatus.Priced)
        {
            return new VenueRoutingDetail { Listed = listed, Status = Status, SnapshotAgeSeconds = age };
        }

        return new VenueRoutingDetail
        {
            Listed = listed,
            Status = Status,
            TotalBps = Round(Cost.TotalBps),
            FeeBps = Round(Cost.FeeBps),
            SpreadImpactBps = Round(Cost.SpreadImpactBps),
            CarryBps = Round(Cost.CarryBps),
            FixedBps = Round(Cost.FixedBps),
            DepthExceeded = Cost.DepthExceeded,
            SnapshotAgeSeconds = age,
        };
    }

    private static double Round(double bps) => Math.Round(bps, 4);
}

/// <summary>One <see cref="VenueSlot"/> per checked venue, in check order, inline (no allocation of its own).</summary>
[InlineArray(Count)]
internal struct VenueSlots
{
    public const int Count = 5;

    private VenueSlot _first;
}
