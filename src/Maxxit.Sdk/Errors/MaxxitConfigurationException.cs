namespace Maxxit.Sdk.Errors;

/// <summary>The host is set up in a way the SDK refuses to run (e.g. real and paper venues mixed without saying so).</summary>
public sealed class MaxxitConfigurationException : MaxxitException
{
    /// <summary>Creates the error with a message that says what is wrong and how to fix it.</summary>
    public MaxxitConfigurationException(string message) : base(message) { }
}
