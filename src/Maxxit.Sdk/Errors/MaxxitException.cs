namespace Maxxit.Sdk.Errors;

/// <summary>Base type of every error the SDK raises on purpose.</summary>
public class MaxxitException : Exception
{
    /// <summary>Creates the error with a message.</summary>
    public MaxxitException(string message) : base(message) { }

    /// <summary>Creates the error with a message and its cause.</summary>
    public MaxxitException(string message, Exception? inner) : base(message, inner) { }
}
