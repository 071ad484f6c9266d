using Maxxit.Sdk.Errors;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>
/// Turns constraint and data errors of the server into the SDK's typed errors naming the field. The statement that
/// raised them was rolled back, so nothing was written.
/// </summary>
internal static class PgErrors
{
    private static readonly Dictionary<string, (string Entity, string Field)> ForeignKeys = new(StringComparer.Ordinal)
    {
        ["agent_deployments_v3_agent_id_fkey"] = ("agent", "agent_id"),
        ["signals_v3_agent_id_fkey"] = ("agent", "agent_id"),
        ["venue_routing_config_v3_agent_id_fkey"] = ("agent", "agent_id"),
        ["agent_source_cursors_v3_agent_id_fkey"] = ("agent", "agent_id"),
        ["positions_v3_signal_id_fkey"] = ("signal", "signal_id"),
        ["positions_v3_deployment_id_fkey"] = ("deployment", "deployment_id"),
        ["policy_decisions_v3_signal_id_fkey"] = ("signal", "signal_id"),
        ["policy_decisions_v3_deployment_id_fkey"] = ("deployment", "deployment_id"),
    };

    private static readonly Dictionary<string, string> UniqueKeys = new(StringComparer.Ordinal)
    {
        ["agents_v3_pkey"] = "agent_id",
        ["agent_deployments_v3_pkey"] = "deployment_id",
        ["agent_deployments_v3_agent_wallet_key"] = "user_wallet",
        ["signals_v3_pkey"] = "signal_id",
        ["positions_v3_pkey"] = "position_id",
        ["positions_v3_signal_deployment_key"] = "signal_id",
        ["venue_routing_history_v3_pkey"] = "routing_id",
    };

    /// <summary>The typed error for <paramref name="ex"/>, or null when it is not an input error.</summary>
    /// <param name="ex">The server error.</param>
    /// <param name="ids">Ids involved, by field name, to say which one was not found.</param>
    public static MaxxitException? Map(PostgresException ex, params (string Field, Guid? Id)[] ids)
    {
        var constraint = ex.ConstraintName ?? string.Empty;
        switch (ex.SqlState)
        {
            case PostgresErrorCodes.ForeignKeyViolation when ForeignKeys.TryGetValue(constraint, out var fk):
                var id = ids.FirstOrDefault(i => i.Field == fk.Field).Id;
                return new MaxxitNotFoundException(fk.Entity, id?.ToString() ?? "?", fk.Field);
            case PostgresErrorCodes.UniqueViolation when UniqueKeys.TryGetValue(constraint, out var field):
                return new MaxxitConflictException(field, field == "user_wallet"
                    ? "the agent is already deployed to this wallet"
                    : $"a row with this {field} already exists");
            case PostgresErrorCodes.CheckViolation:
                return new MaxxitValidationException(FieldOfCheck(ex), $"refused by the database ({constraint})");
            case PostgresErrorCodes.NotNullViolation:
                return new MaxxitValidationException(ex.ColumnName ?? "value", "is required");
            case PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange:
                return new MaxxitValidationException(ex.ColumnName ?? "value", "is too large");
            case PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter:
                return new MaxxitValidationException(ex.ColumnName ?? "text", "contains a character the database cannot store (e.g. NUL)");
            case PostgresErrorCodes.InvalidTextRepresentation:
                return new MaxxitValidationException(ex.ColumnName ?? "value", "is malformed");
            default:
                return null;
        }
    }

    /// <summary>Check constraints are named {table}_{column}_check by the server; the column is the field.</summary>
    private static string FieldOfCheck(PostgresException ex)
    {
        var name = ex.ConstraintName;
        var table = ex.TableName;
        if (name is null || table is null || !name.StartsWith(table + "_", StringComparison.Ordinal) || !name.EndsWith("_check", StringComparison.Ordinal))
        {
            return name ?? "value";
        }

        var column = name[(table.Length + 1)..^"_check".Length];
        return column.Length == 0 ? name : column;
    }
}
