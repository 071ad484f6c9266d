namespace Maxxit.Sdk.Routing;

/// <summary>A FIRST_AVAILABLE decision after <see cref="RoutingDecision.FailOver"/> or <see cref="RoutingDecision.Rerank"/>: it also carries the refusals.</summary>
internal sealed class AmendedRoutingDecision(
    string tokenSymbol,
    string reason,
    IReadOnlyList<Venue> priority,
    VenueAvailability availability,
    TimeSpan duration,
    VenueRanking ranking,
    IReadOnlyList<VenueRefusal> refusals)
    : RoutingDecision(tokenSymbol, reason, priority, availability, duration, ranking)
{
    public override IReadOnlyList<VenueRefusal> Refusals => refusals;
}
