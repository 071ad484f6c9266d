using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>
/// The node could not be reached or answered with something other than JSON-RPC. For a send, the transaction may or
/// may not have been broadcast, so this is deliberately not a <see cref="VenueException"/>: the outcome is unknown.
/// </summary>
public sealed class RpcTransportException : MaxxitException
{
    /// <summary>Creates the error.</summary>
    public RpcTransportException(string method, string detail, Exception? inner = null)
        : base($"OSTIUM: {method} transport failure: {detail}", inner) => Method = method;

    /// <summary>The JSON-RPC method (or endpoint) that failed.</summary>
    public string Method { get; }
}
