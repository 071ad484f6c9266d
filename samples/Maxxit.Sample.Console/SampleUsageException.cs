namespace Maxxit.Sample.Console;

/// <summary>The command line could not be understood.</summary>
public sealed class SampleUsageException(string message) : Exception(message);
