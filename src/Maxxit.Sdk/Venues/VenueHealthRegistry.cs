namespace Maxxit.Sdk.Venues;

/// <summary>
/// The last health each venue reported (e.g. a circuit breaker opening), read by the router without locks or I/O.
/// Venues are healthy until reported otherwise; a venue marked as having no adapter is never routed to. Indexed by the
/// venue's process-wide ordinal, so a venue the SDK has never heard of has its slot like any other.
/// </summary>
public sealed class VenueHealthRegistry
{
    private const int Unhealthy = 1;
    private const int NoAdapter = 2;
    private readonly int[] _state = new int[Venue.MaxCount + 1];

    /// <summary>Records a venue's health.</summary>
    public void Report(Venue venue, bool healthy)
    {
        if (Volatile.Read(ref _state[venue.Ordinal]) != NoAdapter)
        {
            Volatile.Write(ref _state[venue.Ordinal], healthy ? 0 : Unhealthy);
        }
    }

    /// <summary>Whether the venue last reported itself healthy.</summary>
    public bool IsHealthy(Venue venue) => Volatile.Read(ref _state[venue.Ordinal]) == 0;

    /// <summary>Whether an adapter is in charge of the venue (false only once the registry said it has none).</summary>
    public bool HasAdapter(Venue venue) => Volatile.Read(ref _state[venue.Ordinal]) != NoAdapter;

    /// <summary>Records that no adapter is in charge of the venue, so that the router skips it with reason "no adapter".</summary>
    internal void ReportNoAdapter(Venue venue) => Volatile.Write(ref _state[venue.Ordinal], NoAdapter);
}
