using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Maxxit.Sdk.Postgres;

/// <summary>A validated schema name. Identifiers cannot be bound as parameters, so only plain names are accepted and always quoted.</summary>
internal sealed partial class SchemaName
{
    private SchemaName(string name)
    {
        Name = name;
        Quoted = "\"" + name + "\"";
    }

    public string Name { get; }

    /// <summary>Quoted identifier, safe to splice into SQL text.</summary>
    public string Quoted { get; }

    /// <summary>Advisory lock key for migrations of this schema: hosts migrating different schemas do not wait on each other.</summary>
    public long MigrationLockKey => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("maxxit.sdk.postgres/migrations/" + Name)), 0);

    public static SchemaName Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Schema: must not be empty.", nameof(name));
        }

        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException($"Schema: '{name}' is not a plain identifier (letters, digits, underscore; starts with a letter or underscore; at most 63 characters).", nameof(name));
        }

        if (name.StartsWith("pg_", StringComparison.OrdinalIgnoreCase) || name.Equals("information_schema", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Schema: '{name}' is a system schema; the V3 tables need a schema of their own (or public).", nameof(name));
        }

        return new SchemaName(name);
    }

    /// <summary>Parses the <see cref="PostgresStoreOptions.Schema"/> option, reporting a bad value as a validation error of that option.</summary>
    public static SchemaName ParseOption(string? name)
    {
        try
        {
            return Parse(name);
        }
        catch (ArgumentException ex)
        {
            throw new Errors.MaxxitValidationException(nameof(PostgresStoreOptions.Schema), ex.Message["Schema: ".Length..].Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>Schema-qualified, quoted name of one of our tables or types.</summary>
    public string Qualify(string objectName) => Quoted + "." + objectName;

    public override string ToString() => Name;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
