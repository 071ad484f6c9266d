namespace Maxxit.Sdk.Postgres;

/// <summary>One versioned schema change, embedded in this assembly as <c>Migrations/NNN_name.sql</c>.</summary>
/// <param name="Version">Version number, from the file name; applied in ascending order.</param>
/// <param name="Name">Descriptive part of the file name.</param>
/// <param name="Sql">The SQL, run with <c>search_path</c> set to the target schema only.</param>
/// <param name="Checksum">SHA-256 (hex) of the SQL with line endings normalized; a changed file of an applied version is refused.</param>
public sealed record PostgresMigration(int Version, string Name, string Sql, string Checksum);
