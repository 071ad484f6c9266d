namespace Maxxit.Sdk.Postgres;

/// <summary>The database's migration history does not match this SDK's migrations (for example an applied migration was edited).</summary>
public sealed class PostgresMigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgresMigrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PostgresMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PostgresMigrationException()
    {
    }
}
