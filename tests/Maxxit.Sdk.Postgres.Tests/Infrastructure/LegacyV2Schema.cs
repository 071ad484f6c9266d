using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests;

/// <summary>
/// An older system's tables (agents, signals, positions) with rows, as found in the original database, and a fingerprint
/// of their definition and content so a test can prove they were left exactly as they were.
/// </summary>
internal static class LegacyV2Schema
{
    public static async Task SeedAsync(NpgsqlDataSource ds, string schema = "public")
    {
        await Db.ExecAsync(ds, $"""
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TYPE "{schema}".venue_t AS ENUM ('HYPERLIQUID', 'OSTIUM', 'SPOT');
            CREATE TABLE "{schema}".agents (id serial PRIMARY KEY, name text NOT NULL, venue "{schema}".venue_t, created_at timestamptz DEFAULT now());
            CREATE TABLE "{schema}".signals (id serial PRIMARY KEY, agent_id int REFERENCES "{schema}".agents(id), token text, side text, payload jsonb);
            CREATE TABLE "{schema}".positions (id serial PRIMARY KEY, signal_id int REFERENCES "{schema}".signals(id), qty numeric, status text);
            CREATE INDEX signals_token_idx ON "{schema}".signals (token);
            INSERT INTO "{schema}".agents (name, venue) SELECT 'agent ' || g, (ARRAY['HYPERLIQUID','OSTIUM','SPOT']::"{schema}".venue_t[])[1 + g % 3] FROM generate_series(1, 10) g;
            INSERT INTO "{schema}".signals (agent_id, token, side, payload) SELECT 1 + g % 10, 'TOK' || (g % 17), CASE WHEN g % 2 = 0 THEN 'LONG' ELSE 'SHORT' END, jsonb_build_object('n', g) FROM generate_series(1, 628) g;
            INSERT INTO "{schema}".positions (signal_id, qty, status) SELECT 1 + g % 628, g * 0.5, 'OPEN' FROM generate_series(1, 181) g;
            """);
    }

    /// <summary>md5 over every row (ordered) and every column definition and index of the three tables.</summary>
    public static async Task<string> FingerprintAsync(NpgsqlDataSource ds, string schema = "public")
    {
        var parts = new List<string>();
        foreach (var t in new[] { "agents", "signals", "positions" })
        {
            parts.Add(await Db.ScalarAsync<string>(ds, $"SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x.id)), 'empty') FROM \"{schema}\".{t} x"));
        }

        parts.Add(string.Join(",", await Db.ColumnAsync(ds,
            "SELECT table_name || '.' || column_name || ':' || data_type || ':' || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = $1 AND table_name IN ('agents','signals','positions') ORDER BY 1",
            schema)));
        parts.Add(string.Join(",", await Db.ColumnAsync(ds,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename IN ('agents','signals','positions') ORDER BY 1", schema)));
        parts.Add(string.Join(",", await Db.ColumnAsync(ds,
            "SELECT e.enumlabel::text FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typname = 'venue_t' ORDER BY e.enumsortorder", schema)));
        return string.Join("\n", parts);
    }
}
