namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>A call or gas estimate reverted; <see cref="Reason"/> holds the decoded revert reason when there is one.</summary>
public sealed class ContractRevertException : JsonRpcException
{
    /// <summary>Creates the error.</summary>
    /// <param name="method">The JSON-RPC method that reverted.</param>
    /// <param name="code">The JSON-RPC error code (3 on most nodes).</param>
    /// <param name="rpcMessage">The node's message.</param>
    /// <param name="revertData">The raw revert data (may be empty).</param>
    /// <param name="reason">The decoded reason: an <c>Error(string)</c> message, a panic code or a custom error; null when unknown.</param>
    public ContractRevertException(string method, long code, string rpcMessage, byte[] revertData, string? reason)
        : base(method, code, reason is null ? rpcMessage : $"execution reverted: {reason}")
    {
        RevertData = revertData;
        Reason = reason;
    }

    /// <summary>The raw revert data.</summary>
    public IReadOnlyList<byte> RevertData { get; }

    /// <summary>The decoded revert reason, if any.</summary>
    public string? Reason { get; }
}
