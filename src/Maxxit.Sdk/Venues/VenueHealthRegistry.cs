namespace Maxxit.Sdk.Venues;

/// <summary>
/// The last health each venue reported (e.g. a circuit breaker opening), read by the router without locks or I/O.
/// Venues are healthy until reported otherwise.
/// </summary>
public sealed class VenueHealthRegistry
{
    private readonly int[] _unhealthy = new int[5];

    /// <summary>Records a venue's health.</summary>
    public void Report(Venue venue, bool healthy) => Volatile.Write(ref _unhealthy[(int)venue], healthy ? 0 : 1);

    /// <summary>Whether the venue last reported itself healthy.</summary>
    public bool IsHealthy(Venue venue) => Volatile.Read(ref _unhealthy[(int)venue]) == 0;
}
