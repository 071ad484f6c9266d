using System.Globalization;
using System.Text;

namespace Maxxit.Sdk.Postgres;

/// <summary>What <see cref="PostgresVerifier"/> found: the V3 schema's health and what else lives beside it.</summary>
public sealed record VerifyReport
{
    /// <summary>The schema inspected.</summary>
    public required string Schema { get; init; }

    /// <summary>V3 tables found, of <see cref="PostgresVerifier.V3Tables"/>.</summary>
    public required IReadOnlyList<string> TablesPresent { get; init; }

    /// <summary>V3 tables missing.</summary>
    public required IReadOnlyList<string> TablesMissing { get; init; }

    /// <summary>Labels of the <c>venue_v3_t</c> enum in declaration order (empty when it does not exist).</summary>
    public required IReadOnlyList<string> EnumValues { get; init; }

    /// <summary>Venue priority of the global default routing config, or null when there is none.</summary>
    public required IReadOnlyList<string>? GlobalVenuePriority { get; init; }

    /// <summary>Strategy of the global default routing config, or null when there is none.</summary>
    public required string? GlobalRoutingStrategy { get; init; }

    /// <summary>Whether the global default routing config fails over to the next venue.</summary>
    public required bool GlobalFailoverEnabled { get; init; }

    /// <summary>Row counts of pre-existing V2 tables (<c>agents</c>, <c>signals</c>, <c>positions</c>) that exist in the schema.</summary>
    public required IReadOnlyDictionary<string, long> LegacyRowCounts { get; init; }

    /// <summary>Row counts of the V3 tables present.</summary>
    public required IReadOnlyDictionary<string, long> V3RowCounts { get; init; }

    /// <summary>Markets listed per venue, as given by the caller (markets live in memory, not in the database).</summary>
    public required IReadOnlyDictionary<string, int> MarketsPerVenue { get; init; }

    /// <summary>Migration versions applied to the schema.</summary>
    public required IReadOnlyList<int> AppliedMigrations { get; init; }

    /// <summary>Migration versions this SDK ships that are not applied.</summary>
    public required IReadOnlyList<int> PendingMigrations { get; init; }

    /// <summary>All six V3 tables exist.</summary>
    public bool AllTablesPresent => TablesMissing.Count == 0;

    /// <summary>The enum has exactly MULTI, HYPERLIQUID, OSTIUM, GMX, SPOT.</summary>
    public bool EnumCorrect => EnumValues.Take(PostgresVerifier.ExpectedVenues.Count).SequenceEqual(PostgresVerifier.ExpectedVenues);

    /// <summary>A global default routing config row exists.</summary>
    public bool GlobalRoutingConfigSet => GlobalVenuePriority is { Count: > 0 };

    /// <summary>Total markets over all venues.</summary>
    public int TotalMarkets => MarketsPerVenue.Values.Sum();

    /// <summary>Schema complete and current, and (when markets were given) at least one market available.</summary>
    public bool IsReady => AllTablesPresent && EnumCorrect && GlobalRoutingConfigSet && PendingMigrations.Count == 0 && (MarketsPerVenue.Count == 0 || TotalMarkets > 0);

    /// <summary>A console rendering in the spirit of the original verify script.</summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"Maxxit V3 verify (schema {Schema})").AppendLine();
        Line(sb, AllTablesPresent, AllTablesPresent
            ? $"All V3 tables exist ({TablesPresent.Count}/{PostgresVerifier.V3Tables.Count})"
            : $"V3 tables: {TablesPresent.Count}/{PostgresVerifier.V3Tables.Count}, missing: {string.Join(", ", TablesMissing)}");
        Line(sb, EnumCorrect, EnumCorrect
            ? $"venue_v3_t enum is correct ({EnumValues.Count} values)"
            : EnumValues.Count == 0 ? "venue_v3_t enum missing" : $"venue_v3_t enum is wrong: {string.Join(", ", EnumValues)}");
        Line(sb, GlobalRoutingConfigSet, GlobalRoutingConfigSet
            ? $"Global routing config set ({string.Join(" → ", GlobalVenuePriority!)}, {GlobalRoutingStrategy}, failover {(GlobalFailoverEnabled ? "on" : "off")})"
            : "Global routing config missing");
        Line(sb, PendingMigrations.Count == 0, PendingMigrations.Count == 0
            ? $"Schema current (migrations {string.Join(", ", AppliedMigrations)})"
            : $"Pending migrations: {string.Join(", ", PendingMigrations)}");
        sb.Append("   • V2: ").Append(LegacyRowCounts.Count == 0
            ? "no V2 tables in this schema"
            : string.Join(", ", LegacyRowCounts.Select(kv => $"{kv.Value.ToString(ci)} {kv.Key}")) + " (untouched)").AppendLine();
        sb.Append("   • V3: ").Append(string.Join(", ", V3RowCounts.Select(kv => $"{kv.Value.ToString(ci)} {kv.Key}"))).AppendLine();
        if (MarketsPerVenue.Count > 0)
        {
            Line(sb, TotalMarkets > 0, $"Market data available ({TotalMarkets.ToString(ci)} pairs: {string.Join(", ", MarketsPerVenue.Select(kv => $"{kv.Key} {kv.Value.ToString(ci)}"))})");
        }

        sb.Append(IsReady ? "V3 is ready to use." : "V3 is NOT ready.");
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, bool ok, string text) => sb.Append(ok ? "✅ " : "❌ ").Append(text).AppendLine();
}
