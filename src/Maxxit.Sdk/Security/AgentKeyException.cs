using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Security;

/// <summary>
/// A deployment's agent key for a venue is missing or unusable (<see cref="Failure"/> says which). A
/// <see cref="VenueException"/>: the venue cannot trade for this deployment, so the executor cancels the order or fails
/// over to the next venue. The message names the deployment, the venue and addresses, never key material.
/// </summary>
public sealed class AgentKeyException : VenueException
{
    /// <summary>Creates the error.</summary>
    /// <param name="venue">The venue the key was for.</param>
    /// <param name="failure">What went wrong.</param>
    /// <param name="message">What went wrong, without key material.</param>
    /// <param name="hint">How to fix it.</param>
    /// <param name="inner">The protector's error, if any (it never carries key material either).</param>
    public AgentKeyException(Venue venue, AgentKeyFailure failure, string message, string? hint = null, Exception? inner = null)
        : base(venue, message, hint, inner) => Failure = failure;

    /// <summary>Why the key is unusable.</summary>
    public AgentKeyFailure Failure { get; }
}
