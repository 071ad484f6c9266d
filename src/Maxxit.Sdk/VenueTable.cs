using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk;

/// <summary>
/// The venues defined in this process, each with a small ordinal: the routing hot path keeps per-venue bit masks and
/// inline arrays indexed by it, so the table is bounded (<see cref="Capacity"/>, ordinals 1 to 15).
/// </summary>
internal static class VenueTable
{
    public const int Capacity = 15;

    /// <summary>MULTI's ordinal: the first entry.</summary>
    public const int MultiOrdinal = 1;

    private static readonly Lock Gate = new();
    // The well-known venues come first, whatever code touches the table first, so their ordinals never vary.
    private static Entry[] _entries = [new("MULTI", MultiOrdinal), new("HYPERLIQUID", 2), new("OSTIUM", 3), new("GMX", 4), new("SPOT", 5)];

    // Snapshots rebuilt on each definition (rare), so that readers on hot paths allocate nothing.
    private static IReadOnlyList<Venue> _all = Snapshot(_entries);
    private static IReadOnlyList<Venue> _concrete = Snapshot(_entries.Where(e => e.Ordinal != MultiOrdinal));

    /// <summary>Every defined venue, the five well-known ones first.</summary>
    public static IReadOnlyList<Venue> All => Volatile.Read(ref _all);

    /// <summary>Every defined venue but MULTI.</summary>
    public static IReadOnlyList<Venue> Concrete => Volatile.Read(ref _concrete);

    public static Venue Define(string name)
    {
        var normalized = Validate(name);
        lock (Gate)
        {
            foreach (var entry in _entries)
            {
                if (entry.Name == normalized)
                {
                    return new Venue(entry);
                }
            }

            if (_entries.Length == Capacity)
            {
                throw new MaxxitValidationException("venue", $"cannot define {normalized}: a process defines at most {Capacity} venues");
            }

            var created = new Entry(normalized, _entries.Length + 1);
            Volatile.Write(ref _entries, [.. _entries, created]);
            Volatile.Write(ref _all, Snapshot(_entries));
            Volatile.Write(ref _concrete, Snapshot(_entries.Where(e => e.Ordinal != MultiOrdinal)));
            return new Venue(created);
        }
    }

    /// <summary>The venue with an ordinal handed out by this table (1 to <see cref="Capacity"/>).</summary>
    public static Venue FromOrdinal(int ordinal) => new(Volatile.Read(ref _entries)[ordinal - 1]);

    public static bool TryFind(string? name, out Venue venue)
    {
        if (name is not null)
        {
            foreach (var entry in Volatile.Read(ref _entries))
            {
                if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    venue = new Venue(entry);
                    return true;
                }
            }
        }

        venue = default;
        return false;
    }

    private static IReadOnlyList<Venue> Snapshot(IEnumerable<Entry> entries) => Array.AsReadOnly(entries.Select(e => new Venue(e)).ToArray());

    private static string Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new MaxxitValidationException("venue", "a venue needs a name");
        }

        if (name.Length > Venue.MaxNameLength)
        {
            throw new MaxxitValidationException("venue", $"a venue name has at most {Venue.MaxNameLength} characters");
        }

        if (!char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new MaxxitValidationException("venue", $"'{name}' is not a venue name: letters, digits and underscores, starting with a letter");
        }

        return name.ToUpperInvariant();
    }

    /// <summary>One defined venue; compared by reference (the table never holds two entries with one name).</summary>
    internal sealed class Entry(string name, int ordinal)
    {
        public string Name { get; } = name;

        public int Ordinal { get; } = ordinal;
    }
}
