namespace Maxxit.Sdk.Sources;

/// <summary>
/// Orders X post ids. They are decimal snowflakes that grow with time and do not fit every numeric type, so they are
/// compared as digit strings: a longer id is newer, equal lengths compare ordinally.
/// </summary>
public static class PostIds
{
    /// <summary>Negative when <paramref name="a"/> is older than <paramref name="b"/>, zero when equal, positive when newer.</summary>
    public static int Compare(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ta = a.TrimStart('0');
        var tb = b.TrimStart('0');
        return ta.Length != tb.Length ? ta.Length.CompareTo(tb.Length) : string.CompareOrdinal(ta, tb);
    }

    /// <summary>Whether <paramref name="id"/> is newer than <paramref name="sinceId"/> (always true when <paramref name="sinceId"/> is null).</summary>
    public static bool IsNewer(string id, string? sinceId) => sinceId is null || Compare(id, sinceId) > 0;

    /// <summary>A comparer for sorting posts oldest first.</summary>
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);
}
