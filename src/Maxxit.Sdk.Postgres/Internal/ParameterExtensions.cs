using Npgsql;
using NpgsqlTypes;

namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>Typed positional parameters ($1, $2, …). Every value reaches the server as a parameter, never as SQL text.</summary>
internal static class ParameterExtensions
{
    public static NpgsqlParameterCollection Uuid(this NpgsqlParameterCollection p, Guid? v) => Add(p, NpgsqlDbType.Uuid, v);

    public static NpgsqlParameterCollection Text(this NpgsqlParameterCollection p, string? v) => Add(p, NpgsqlDbType.Text, v);

    public static NpgsqlParameterCollection Num(this NpgsqlParameterCollection p, decimal? v) => Add(p, NpgsqlDbType.Numeric, v);

    public static NpgsqlParameterCollection Double(this NpgsqlParameterCollection p, double v) => Add(p, NpgsqlDbType.Double, v);

    public static NpgsqlParameterCollection Int(this NpgsqlParameterCollection p, int v) => Add(p, NpgsqlDbType.Integer, v);

    public static NpgsqlParameterCollection Long(this NpgsqlParameterCollection p, long v) => Add(p, NpgsqlDbType.Bigint, v);

    public static NpgsqlParameterCollection Bool(this NpgsqlParameterCollection p, bool v) => Add(p, NpgsqlDbType.Boolean, v);

    public static NpgsqlParameterCollection Jsonb(this NpgsqlParameterCollection p, string? json) => Add(p, NpgsqlDbType.Jsonb, json);

    public static NpgsqlParameterCollection TextArray(this NpgsqlParameterCollection p, IEnumerable<string> v) =>
        Add(p, NpgsqlDbType.Array | NpgsqlDbType.Text, v as string[] ?? v.ToArray());

    public static NpgsqlParameterCollection NullableTextArray(this NpgsqlParameterCollection p, string?[] v) => Add(p, NpgsqlDbType.Array | NpgsqlDbType.Text, v);

    public static NpgsqlParameterCollection UuidArray(this NpgsqlParameterCollection p, Guid[] v) => Add(p, NpgsqlDbType.Array | NpgsqlDbType.Uuid, v);

    /// <summary>An array parameter of <paramref name="element"/> (nulls allowed), e.g. a column of rows for <c>unnest</c>.</summary>
    public static NpgsqlParameterCollection Array<T>(this NpgsqlParameterCollection p, NpgsqlDbType element, T[] v) => Add(p, NpgsqlDbType.Array | element, v);

    /// <summary>A timestamptz[] parameter; every instant goes as UTC.</summary>
    public static NpgsqlParameterCollection TimeArray(this NpgsqlParameterCollection p, IEnumerable<DateTimeOffset?> v) =>
        Add(p, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, v.Select(t => t?.UtcDateTime).ToArray());

    public static NpgsqlParameterCollection Interval(this NpgsqlParameterCollection p, TimeSpan v) => Add(p, NpgsqlDbType.Interval, v);

    /// <summary>timestamptz accepts only UTC offsets from Npgsql; any offset is converted, the instant kept.</summary>
    public static NpgsqlParameterCollection Time(this NpgsqlParameterCollection p, DateTimeOffset? v) =>
        Add(p, NpgsqlDbType.TimestampTz, v?.ToUniversalTime());

    private static NpgsqlParameterCollection Add<T>(NpgsqlParameterCollection p, NpgsqlDbType type, T? value)
    {
        p.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value is null ? DBNull.Value : value });
        return p;
    }
}
