using System.Globalization;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using Maxxit.Sdk.Ethereum;
using Polly;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>
/// A small Ethereum JSON-RPC client over one endpoint. Reads are retried on transport failures (Polly); sending a raw
/// transaction never is, because a lost answer does not mean the transaction was not broadcast.
/// </summary>
public sealed class EthereumRpcClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _reads;
    private readonly RevertDecoder _reverts;
    private long _nextId;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client (from <c>IHttpClientFactory</c>).</param>
    /// <param name="endpoint">The JSON-RPC URL.</param>
    /// <param name="time">Clock for receipt polling and retry delays.</param>
    /// <param name="readRetries">Retries of reads on transport failures.</param>
    /// <param name="readRetryDelay">First retry delay (exponential back-off with jitter).</param>
    /// <param name="reverts">Decoder for revert data; <see cref="RevertDecoder.Standard"/> when null.</param>
    public EthereumRpcClient(HttpClient http, Uri endpoint, TimeProvider time, int readRetries = 3, TimeSpan? readRetryDelay = null, RevertDecoder? reverts = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(time);
        _http = http;
        _endpoint = endpoint;
        _time = time;
        _reverts = reverts ?? RevertDecoder.Standard;
        _reads = ReadPipeline.Create(time, readRetries, readRetryDelay ?? TimeSpan.FromMilliseconds(200));
    }

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<ulong> GetChainIdAsync(CancellationToken cancellationToken) =>
        HexQuantity.ParseUInt64((await ReadAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false)).GetString());

    /// <summary><c>eth_getTransactionCount</c> at <c>pending</c> (default) or another block tag: the next nonce.</summary>
    public async Task<ulong> GetTransactionCountAsync(EthereumAddress address, CancellationToken cancellationToken, string block = "pending") =>
        HexQuantity.ParseUInt64((await ReadAsync("eth_getTransactionCount", [address.ToLowerHex(), block], cancellationToken).ConfigureAwait(false)).GetString());

    /// <summary><c>eth_estimateGas</c> for a call. A revert surfaces as <see cref="ContractRevertException"/>.</summary>
    public async Task<ulong> EstimateGasAsync(EthereumAddress from, EthereumAddress to, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        HexQuantity.ParseUInt64((await ReadAsync("eth_estimateGas", [CallObject(from, to, data)], cancellationToken).ConfigureAwait(false)).GetString());

    /// <summary>The latest block's base fee and the node's suggested priority fee.</summary>
    public async Task<FeeData> GetFeeDataAsync(CancellationToken cancellationToken)
    {
        var block = await ReadAsync("eth_getBlockByNumber", ["latest", false], cancellationToken).ConfigureAwait(false);
        var baseFee = block.ValueKind == JsonValueKind.Object && block.TryGetProperty("baseFeePerGas", out var fee)
            ? HexQuantity.Parse(fee.GetString())
            : throw new JsonRpcException("eth_getBlockByNumber", 0, "the latest block has no baseFeePerGas", "the chain does not support EIP-1559");
        var tip = HexQuantity.Parse((await ReadAsync("eth_maxPriorityFeePerGas", [], cancellationToken).ConfigureAwait(false)).GetString());
        return new FeeData(baseFee, tip);
    }

    /// <summary><c>eth_call</c> at the latest block: the call's return data. A revert surfaces as <see cref="ContractRevertException"/>.</summary>
    public async Task<byte[]> CallAsync(EthereumAddress to, ReadOnlyMemory<byte> data, CancellationToken cancellationToken, EthereumAddress? from = null) =>
        Hex.Decode((await ReadAsync("eth_call", [CallObject(from, to, data), "latest"], cancellationToken).ConfigureAwait(false)).GetString() ?? "0x");

    /// <summary><c>eth_sendRawTransaction</c>; returns the hash the node reports. Never retried.</summary>
    /// <exception cref="JsonRpcException">The node refused the transaction (it was not broadcast).</exception>
    /// <exception cref="RpcTransportException">No usable answer: the transaction may or may not have been broadcast.</exception>
    public async Task<string> SendRawTransactionAsync(ReadOnlyMemory<byte> rawTransaction, CancellationToken cancellationToken)
    {
        var result = await InvokeAsync("eth_sendRawTransaction", [Hex.Encode(rawTransaction.Span)], cancellationToken).ConfigureAwait(false);
        return result.GetString() ?? throw new RpcTransportException("eth_sendRawTransaction", "the node returned no transaction hash");
    }

    /// <summary><c>eth_getTransactionReceipt</c>: the receipt, or null while the transaction is not mined (or unknown).</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken)
    {
        var result = await ReadAsync("eth_getTransactionReceipt", [transactionHash], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : ParseReceipt(result);
    }

    /// <summary><c>eth_getTransactionByHash</c>: the transaction, or null when the node does not know it.</summary>
    public async Task<RpcTransaction?> GetTransactionAsync(string transactionHash, CancellationToken cancellationToken)
    {
        var tx = await ReadAsync("eth_getTransactionByHash", [transactionHash], cancellationToken).ConfigureAwait(false);
        if (tx.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var to = tx.TryGetProperty("to", out var toElement) && toElement.ValueKind == JsonValueKind.String ? EthereumAddress.Parse(toElement.GetString()!) : (EthereumAddress?)null;
        var block = tx.TryGetProperty("blockNumber", out var blockElement) && blockElement.ValueKind == JsonValueKind.String ? HexQuantity.ParseUInt64(blockElement.GetString()) : (ulong?)null;
        return new RpcTransaction(
            tx.GetProperty("hash").GetString()!,
            EthereumAddress.Parse(tx.GetProperty("from").GetString()!),
            to,
            HexQuantity.ParseUInt64(tx.GetProperty("nonce").GetString()),
            Hex.Decode(tx.GetProperty("input").GetString() ?? "0x"),
            block);
    }

    /// <summary><c>eth_blockNumber</c>: the latest block.</summary>
    public async Task<ulong> GetBlockNumberAsync(CancellationToken cancellationToken) =>
        HexQuantity.ParseUInt64((await ReadAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false)).GetString());

    /// <summary>
    /// <c>eth_getLogs</c> of one contract from <paramref name="fromBlock"/> to the latest block. Each entry of
    /// <paramref name="topics"/> filters one topic position: null matches anything, otherwise any of the listed words.
    /// </summary>
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(EthereumAddress address, IReadOnlyList<IReadOnlyList<byte[]>?> topics, ulong fromBlock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var filter = new Dictionary<string, object?>
        {
            ["address"] = address.ToLowerHex(),
            ["fromBlock"] = HexQuantity.Format(fromBlock),
            ["toBlock"] = "latest",
            ["topics"] = topics.Select(t => t is null ? null : (object)t.Select(w => Hex.Encode(w)).ToArray()).ToArray(),
        };
        var result = await ReadAsync("eth_getLogs", [filter], cancellationToken).ConfigureAwait(false);
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw new RpcTransportException("eth_getLogs", "the node did not answer with a list of logs");
        }

        return result.EnumerateArray().Select(ParseLog).ToList();
    }

    /// <summary>Polls for a receipt until it appears or <paramref name="timeout"/> passes.</summary>
    /// <exception cref="TransactionPendingException">No receipt within the timeout; the transaction may still be mined.</exception>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var receipt = await GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                return receipt;
            }

            var waited = _time.GetElapsedTime(started);
            if (waited >= timeout)
            {
                throw new TransactionPendingException(transactionHash, waited);
            }

            var remaining = timeout - waited;
            await Task.Delay(remaining < pollInterval ? remaining : pollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<JsonElement> ReadAsync(string method, object?[] parameters, CancellationToken cancellationToken) =>
        _reads.ExecuteAsync(
            static async (state, ct) => await state.Self.InvokeAsync(state.Method, state.Parameters, ct).ConfigureAwait(false),
            (Self: this, Method: method, Parameters: parameters),
            cancellationToken).AsTask();

    private async Task<JsonElement> InvokeAsync(string method, object?[] parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = method,
            ["params"] = parameters,
        });
        using var document = await ReadPipeline.SendAsync(
            _http,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = Json;
                return request;
            },
            method,
            cancellationToken).ConfigureAwait(false);

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RpcTransportException(method, "the answer is not a JSON-RPC object");
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            throw ToException(method, error);
        }

        return root.TryGetProperty("result", out var result)
            ? result.Clone()
            : throw new RpcTransportException(method, "the answer has neither result nor error");
    }

    private JsonRpcException ToException(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var n) ? n : 0;
        var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        if (error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String && Hex.TryDecode(data.GetString(), out var revertData))
        {
            return new ContractRevertException(method, code, message, revertData, _reverts.Decode(revertData));
        }

        if (code == 3 || message.Contains("revert", StringComparison.OrdinalIgnoreCase))
        {
            return new ContractRevertException(method, code, message, [], null);
        }

        return new JsonRpcException(method, code, message, Hint(message));
    }

    private static string? Hint(string message) =>
        message.Contains("insufficient funds", StringComparison.OrdinalIgnoreCase) ? "the agent wallet needs ETH on Arbitrum for gas"
        : message.Contains("nonce", StringComparison.OrdinalIgnoreCase) ? "another transaction from the agent wallet used this nonce"
        : null;

    private static Dictionary<string, string> CallObject(EthereumAddress? from, EthereumAddress to, ReadOnlyMemory<byte> data)
    {
        var call = new Dictionary<string, string> { ["to"] = to.ToLowerHex(), ["data"] = Hex.Encode(data.Span) };
        if (from is { } sender)
        {
            call["from"] = sender.ToLowerHex();
        }

        return call;
    }

    private static TransactionReceipt ParseReceipt(JsonElement r)
    {
        var logs = new List<LogEntry>();
        if (r.TryGetProperty("logs", out var logArray) && logArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var log in logArray.EnumerateArray())
            {
                logs.Add(ParseLog(log));
            }
        }

        return new TransactionReceipt(
            r.GetProperty("transactionHash").GetString()!,
            HexQuantity.Parse(r.GetProperty("status").GetString()) == BigInteger.One,
            HexQuantity.ParseUInt64(r.GetProperty("blockNumber").GetString()),
            r.TryGetProperty("gasUsed", out var gas) ? HexQuantity.ParseUInt64(gas.GetString()) : 0,
            r.TryGetProperty("effectiveGasPrice", out var price) ? HexQuantity.Parse(price.GetString()) : BigInteger.Zero,
            logs);
    }

    private static LogEntry ParseLog(JsonElement log)
    {
        var topics = log.GetProperty("topics").EnumerateArray().Select(t => Hex.DecodeFixed(t.GetString()!, 32, "topics")).ToArray();
        var block = log.TryGetProperty("blockNumber", out var b) && b.ValueKind == JsonValueKind.String ? HexQuantity.ParseUInt64(b.GetString()) : (ulong?)null;
        var hash = log.TryGetProperty("transactionHash", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        return new LogEntry(EthereumAddress.Parse(log.GetProperty("address").GetString()!), topics, Hex.Decode(log.GetProperty("data").GetString() ?? "0x"), block, hash);
    }
}
