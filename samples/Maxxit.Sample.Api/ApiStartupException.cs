namespace Maxxit.Sample.Api;

/// <summary>The host cannot start with the given settings; the message says which and why (never echoing a secret).</summary>
public sealed class ApiStartupException(string message) : Exception(message);
