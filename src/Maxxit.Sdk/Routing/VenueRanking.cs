using System.Collections;

namespace Maxxit.Sdk.Routing;

/// <summary>
/// The venues a decision may use, best first (for <see cref="RoutingStrategy.FirstAvailable"/>: eligible venues in
/// priority order; for <see cref="RoutingStrategy.BestExecution"/>: cheapest first, venues without fresh cost data last by
/// priority). Packed in a value (four bits per venue ordinal), so building one allocates nothing.
/// </summary>
public readonly struct VenueRanking : IReadOnlyList<Venue>, IEquatable<VenueRanking>
{
    /// <summary>At most this many venues fit in a ranking.</summary>
    public const int Capacity = 8;

    private readonly uint _packed;
    private readonly int _count;

    private VenueRanking(uint packed, int count)
    {
        _packed = packed;
        _count = count;
    }

    /// <summary>An empty ranking.</summary>
    public static VenueRanking Empty => default;

    /// <summary>How many venues are ranked.</summary>
    public int Count => _count;

    /// <summary>The venue at a rank (0 = best).</summary>
    public Venue this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"the ranking holds {_count} venues");
            }

            return VenueTable.FromOrdinal((int)((_packed >> (4 * index)) & 0xF));
        }
    }

    /// <summary>Whether the venue is ranked.</summary>
    public bool Contains(Venue venue) => IndexOf(venue) >= 0;

    /// <summary>The rank of a venue, or -1.</summary>
    public int IndexOf(Venue venue)
    {
        for (var i = 0; i < _count; i++)
        {
            if ((int)((_packed >> (4 * i)) & 0xF) == venue.Ordinal)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A ranking of the given venues, in the given order (duplicates keep their first place).</summary>
    public static VenueRanking Of(params ReadOnlySpan<Venue> venues)
    {
        var ranking = Empty;
        foreach (var venue in venues)
        {
            ranking = ranking.Append(venue);
        }

        return ranking;
    }

    /// <summary>The ranking with <paramref name="venue"/> added last (unchanged when it is already ranked).</summary>
    public VenueRanking Append(Venue venue)
    {
        if (venue.IsNone)
        {
            throw new ArgumentException("default(Venue) names no venue and cannot be ranked", nameof(venue));
        }

        if (Contains(venue))
        {
            return this;
        }

        if (_count == Capacity)
        {
            throw new InvalidOperationException($"a ranking holds at most {Capacity} venues");
        }

        return new VenueRanking(_packed | ((uint)venue.Ordinal << (4 * _count)), _count + 1);
    }

    /// <summary>Only the first <paramref name="count"/> venues.</summary>
    public VenueRanking Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count >= _count)
        {
            return this;
        }

        return new VenueRanking(count == 0 ? 0 : _packed & (uint)((1UL << (4 * count)) - 1), count);
    }

    /// <summary>The venues ranked after <paramref name="venue"/> (all of them when it is not ranked).</summary>
    public VenueRanking After(Venue venue)
    {
        var index = IndexOf(venue);
        if (index < 0)
        {
            return this;
        }

        var rest = _count - index - 1;
        return rest == 0 ? Empty : new VenueRanking(_packed >> (4 * (index + 1)), rest);
    }

    /// <summary>Enumerates without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Venue> IEnumerable<Venue>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(VenueRanking other) => _count == other._count && _packed == other._packed;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VenueRanking other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_packed, _count);

    /// <summary>Equality.</summary>
    public static bool operator ==(VenueRanking left, VenueRanking right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(VenueRanking left, VenueRanking right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => string.Join(" > ", this.Select(v => v.Name));

    /// <summary>Enumerator of a <see cref="VenueRanking"/>.</summary>
    public struct Enumerator : IEnumerator<Venue>
    {
        private readonly VenueRanking _ranking;
        private int _index;

        internal Enumerator(VenueRanking ranking)
        {
            _ranking = ranking;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly Venue Current => _ranking[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _ranking.Count;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
