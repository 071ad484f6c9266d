using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk;

/// <summary>
/// A trading venue, named by an upper-case identifier as stored in the <c>venue_v3_t</c> enum (<c>HYPERLIQUID</c>,
/// <c>OSTIUM</c>, …). The set is open: an adapter for a venue the SDK has never heard of defines its own with
/// <see cref="Of"/> (e.g. <c>Venue.Of("DYDX")</c>). Two venues are equal when their names are.
/// </summary>
/// <remarks>
/// <c>default(Venue)</c> names no venue (<see cref="IsNone"/>); it is refused wherever a venue is required, so an
/// uninitialised field never silently means a real one. Parsing (<see cref="Parse"/>, <see cref="TryParse"/>, JSON)
/// accepts only venues already defined in the process, so untrusted input cannot invent venues.
/// </remarks>
[JsonConverter(typeof(VenueJsonConverter))]
public readonly struct Venue : IEquatable<Venue>, IComparable<Venue>
{
    /// <summary>The longest venue name.</summary>
    public const int MaxNameLength = 32;

    /// <summary>How many venues (the five well-known ones included) one process can define.</summary>
    public const int MaxCount = VenueTable.Capacity;

    private readonly VenueTable.Entry? _entry;

    internal Venue(VenueTable.Entry entry) => _entry = entry;

    /// <summary>No venue chosen yet: the signal lets the router pick one per trade (<c>MULTI</c>).</summary>
    public static Venue Multi { get; } = VenueTable.Define("MULTI");

    /// <summary>Hyperliquid perpetuals (<c>HYPERLIQUID</c>).</summary>
    public static Venue Hyperliquid { get; } = VenueTable.Define("HYPERLIQUID");

    /// <summary>Ostium perpetuals on Arbitrum: crypto, forex, commodities, indices, stocks (<c>OSTIUM</c>).</summary>
    public static Venue Ostium { get; } = VenueTable.Define("OSTIUM");

    /// <summary>GMX (<c>GMX</c>; no adapter ships with the SDK).</summary>
    public static Venue Gmx { get; } = VenueTable.Define("GMX");

    /// <summary>Spot (<c>SPOT</c>; no adapter ships with the SDK).</summary>
    public static Venue Spot { get; } = VenueTable.Define("SPOT");

    /// <summary>The upper-case name, e.g. <c>HYPERLIQUID</c>.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Venue)</c>, which names no venue.</exception>
    public string Name => _entry?.Name ?? throw new InvalidOperationException("default(Venue) names no venue");

    /// <summary>Whether this is <c>default(Venue)</c>, which names no venue.</summary>
    public bool IsNone => _entry is null;

    /// <summary>Whether this is a venue orders can go to (anything but <see cref="Multi"/> and <c>default</c>).</summary>
    public bool IsConcrete => _entry is not null && _entry.Ordinal != VenueTable.MultiOrdinal;

    /// <summary>Every venue defined in this process so far: the five well-known ones first, then in definition order.</summary>
    public static IReadOnlyList<Venue> Defined => VenueTable.All;

    // Small and dense (1 to MaxCount), for bit masks and per-venue arrays on the routing hot path; 0 is default(Venue).
    internal int Ordinal => _entry?.Ordinal ?? 0;

    /// <summary>
    /// The venue named <paramref name="name"/>, defining it when it is new: an adapter for a venue the SDK does not know
    /// calls this once (e.g. in a static field). Letters, digits and underscores, starting with a letter, at most
    /// <see cref="MaxNameLength"/> characters; lower-case letters are upper-cased.
    /// </summary>
    /// <param name="name">The venue's name, e.g. <c>DYDX</c>.</param>
    /// <exception cref="MaxxitValidationException">The name is not a valid venue name (field <c>venue</c>), or the process already defines <see cref="MaxCount"/> venues.</exception>
    public static Venue Of(string name) => VenueTable.Define(name);

    /// <summary>Parses the name of a venue already defined in this process (any case).</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a defined venue.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out Venue venue) => VenueTable.TryFind(name, out venue);

    /// <summary>Parses the name of a venue already defined in this process, or throws naming <paramref name="field"/>.</summary>
    /// <param name="name">The name (any case).</param>
    /// <param name="field">The field the name came from, for the error.</param>
    /// <exception cref="MaxxitValidationException">No defined venue has that name.</exception>
    public static Venue Parse(string? name, string field) =>
        TryParse(name, out var venue)
            ? venue
            : throw new MaxxitValidationException(field, $"'{name}' is not a known venue; expected one of {string.Join(", ", Defined.Select(v => v.Name))}");

    /// <inheritdoc />
    public bool Equals(Venue other) => ReferenceEquals(_entry, other._entry);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Venue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Ordinal;

    /// <summary>Orders by name (<c>default</c> first).</summary>
    public int CompareTo(Venue other) => string.CompareOrdinal(_entry?.Name, other._entry?.Name);

    /// <summary>The name, or <c>(none)</c> for <c>default(Venue)</c>.</summary>
    public override string ToString() => _entry?.Name ?? "(none)";

    /// <summary>Equality.</summary>
    public static bool operator ==(Venue left, Venue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Venue left, Venue right) => !left.Equals(right);
}
