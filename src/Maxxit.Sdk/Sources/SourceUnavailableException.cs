using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Sources;

/// <summary>An input source (X, the research feed, the language model) could not be read; the worker retries the same items next cycle.</summary>
public sealed class SourceUnavailableException : MaxxitException
{
    /// <summary>Creates the error.</summary>
    /// <param name="source">Which source, e.g. <c>x</c>, <c>research</c>, <c>llm</c>.</param>
    /// <param name="message">What went wrong (never a credential).</param>
    /// <param name="inner">The cause, if any.</param>
    public SourceUnavailableException(string source, string message, Exception? inner = null)
        : base($"{source}: {message}", inner) => Source = source;

    /// <summary>Which source failed.</summary>
    public new string Source { get; }
}
