using System.Globalization;

namespace Maxxit.Sdk.Policies.Rules;

/// <summary>Formats values for adjustment records and reasons: invariant culture, no trailing zeros.</summary>
internal static class PolicyText
{
    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static string Usd(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " USD";

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Venues(IReadOnlyList<Venue> venues) => venues.Count == 0 ? "(none)" : string.Join(", ", venues.Select(v => v.Name));

    public static string Side(TradeSide side) => side == TradeSide.Long ? "LONG" : "SHORT";

    public static bool ContainsToken(IReadOnlyList<string> tokens, string token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (string.Equals(tokens[i], token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
