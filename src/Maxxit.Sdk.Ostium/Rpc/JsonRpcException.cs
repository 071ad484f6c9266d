using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>The node answered a JSON-RPC call with an error object. Nothing was broadcast by the failing call.</summary>
public class JsonRpcException : VenueException
{
    /// <summary>Creates the error.</summary>
    /// <param name="method">The JSON-RPC method, e.g. <c>eth_estimateGas</c>.</param>
    /// <param name="code">The JSON-RPC error code.</param>
    /// <param name="rpcMessage">The node's message.</param>
    /// <param name="hint">What usually causes this, when known.</param>
    public JsonRpcException(string method, long code, string rpcMessage, string? hint = null)
        : base(Venue.Ostium, $"{method} failed with JSON-RPC error {code}: {rpcMessage}", hint)
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
    }

    /// <summary>The JSON-RPC method that failed.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code.</summary>
    public long Code { get; }

    /// <summary>The node's own message.</summary>
    public string RpcMessage { get; }
}
