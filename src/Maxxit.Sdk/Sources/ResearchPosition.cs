using System.Globalization;

namespace Maxxit.Sdk.Sources;

/// <summary>
/// A place in an institute's research stream: items are ordered by publication time, then id, so a cursor needs both
/// (two items may share a time). Stored in the source cursor as <c>&lt;unix ms&gt;|&lt;id&gt;</c>.
/// </summary>
/// <param name="CreatedAt">Publication time of the last item consumed.</param>
/// <param name="Id">Its id.</param>
public readonly record struct ResearchPosition(DateTimeOffset CreatedAt, string Id) : IComparable<ResearchPosition>
{
    /// <summary>The position of an item.</summary>
    public static ResearchPosition Of(Signals.ResearchSignal item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.CreatedAt, item.Id);
    }

    /// <summary>Reads a stored position; null for null, empty or unreadable text (read from the start).</summary>
    public static ResearchPosition? Parse(string? text)
    {
        var bar = text?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? new ResearchPosition(DateTimeOffset.FromUnixTimeMilliseconds(ms), text![(bar + 1)..])
            : null;
    }

    /// <summary>The stored form.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.ToUnixTimeMilliseconds()}|{Id}");

    /// <summary>Whether an item comes after <paramref name="after"/> (always when it is null).</summary>
    public static bool IsAfter(Signals.ResearchSignal item, ResearchPosition? after) => after is not { } a || Of(item).CompareTo(a) > 0;

    /// <inheritdoc />
    public int CompareTo(ResearchPosition other)
    {
        var byTime = CreatedAt.ToUnixTimeMilliseconds().CompareTo(other.CreatedAt.ToUnixTimeMilliseconds());
        return byTime != 0 ? byTime : string.CompareOrdinal(Id, other.Id);
    }
}
