using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests;

/// <summary>Small raw-SQL helpers for assertions, independent of the code under test.</summary>
internal static class Db
{
    public static async Task ExecAsync(NpgsqlDataSource ds, string sql, params object[] args)
    {
        await using var cmd = ds.CreateCommand(sql);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }

        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource ds, string sql, params object[] args)
    {
        await using var cmd = ds.CreateCommand(sql);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }

        var v = await cmd.ExecuteScalarAsync();
        return (T)v!;
    }

    public static async Task<List<string>> ColumnAsync(NpgsqlDataSource ds, string sql, params object[] args)
    {
        await using var cmd = ds.CreateCommand(sql);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }

        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(r.IsDBNull(0) ? "<null>" : Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return list;
    }

    /// <summary>Tables (any schema except system ones) as schema.name, sorted.</summary>
    public static Task<List<string>> TablesAsync(NpgsqlDataSource ds) => ColumnAsync(ds,
        "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
}
