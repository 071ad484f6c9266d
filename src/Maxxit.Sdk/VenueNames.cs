namespace Maxxit.Sdk;

/// <summary>Converts <see cref="Venue"/> values to and from their wire and database names (MULTI, HYPERLIQUID, …).</summary>
public static class VenueNames
{
    private static readonly string[] Names = ["MULTI", "HYPERLIQUID", "OSTIUM", "GMX", "SPOT"];

    /// <summary>The upper-case name of <paramref name="venue"/>, e.g. <c>HYPERLIQUID</c>.</summary>
    public static string ToName(this Venue venue) => Names[(int)venue];

    /// <summary>Parses an upper- or lower-case venue name.</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a venue.</returns>
    public static bool TryParse(string? name, out Venue venue)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                venue = (Venue)i;
                return true;
            }
        }

        venue = default;
        return false;
    }

    /// <summary>Parses a venue name or throws a <see cref="Errors.MaxxitValidationException"/> naming <paramref name="field"/>.</summary>
    public static Venue Parse(string? name, string field) =>
        TryParse(name, out var venue)
            ? venue
            : throw new Errors.MaxxitValidationException(field, $"'{name}' is not a venue; expected one of {string.Join(", ", Names)}");
}
