namespace Maxxit.Sdk.Postgres;

/// <summary>Outcome of <see cref="PostgresMigrator.MigrateAsync"/>.</summary>
/// <param name="Schema">The schema migrated.</param>
/// <param name="Applied">Versions this call applied (empty when the schema was already current or another host did it).</param>
/// <param name="CurrentVersion">Highest known version applied when the call finished.</param>
/// <param name="UnknownVersions">Versions recorded in the database that this SDK does not know (applied by a newer SDK).</param>
public sealed record MigrationResult(string Schema, IReadOnlyList<int> Applied, int CurrentVersion, IReadOnlyList<int> UnknownVersions);
